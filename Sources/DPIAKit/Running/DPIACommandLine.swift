/// The command line dpia accepts: its commands, options and help, shared by the executable that parses
/// it and the commands that word their usage errors with its synopses.
public enum DPIACommandLine {
    /// The options that choose and write reports, shared by `wizard` and `assess`.
    static let reportOptions: [OptionSpec] = [
        .list(
            "format", valueName: "FORMATS",
            help: "Report formats to write; json is the scored assessment as data (NAME.assessment.json).",
            allowedValues: ["md", "html", "docx", "json"],
            defaultValue: "md,html"),
        .value(
            "templates", valueName: "DIR", help: "Report templates folder (default: the bundled Templates/)."),
        .flag("force", short: "f", help: "Replace existing reports."),
    ]

    public static let spec = CommandSpec(
        name: "dpia",
        abstract:
            "Data protection impact assessment of a communication platform, the way the ICO recommends.",
        discussion: """
            With no command, dpia starts the interactive wizard on the bundled communication-platform questionnaire.
            Reports follow the ICO DPIA template's seven steps and are written as Markdown and HTML, and as Word with --format docx.
            \(ExitStatus.summary)
            Environment: DPIA_HOME (folder holding Questionnaires/ and Templates/), DPIA_TEMPLATES (templates folder), NO_COLOR.
            """,
        subcommands: [
            CommandSpec(
                name: "wizard",
                abstract: "Answer a questionnaire interactively; answers are saved as you go.",
                options: [
                    .value(
                        "questionnaire", short: "q", valueName: "ID|PATH",
                        help:
                            "Questionnaire id or definition file (default: communication-platform, or the one a --resume draft names)."
                    ),
                    .value(
                        "resume", valueName: "DRAFT",
                        help: "Continue an assessment from its draft answers file, on the version it names."),
                    .value(
                        "from", valueName: "OLD",
                        help:
                            "Start a new assessment on the current version from an earlier answers file: what still fits is carried, the rest is asked."
                    ),
                    .value(
                        "draft", valueName: "PATH",
                        help:
                            "Where to save the draft answers (default: dpia-draft-<date>.json in the current folder)."
                    ),
                    .value(
                        "out", short: "o", valueName: "DIR",
                        help: "Folder for the reports and the final answers file.", defaultValue: "reports"),
                ] + reportOptions + [
                    .flag(
                        "plain",
                        help:
                            "Line-by-line prompts for screen readers and pipes (also ACCESSIBLE=1, or when not on a terminal)."
                    )
                ]),
            CommandSpec(
                name: "assess",
                abstract: "Score answers files and write their reports.",
                discussion:
                    "Reports are named after each answers file: reports/NAME.md and reports/NAME.html (and reports/NAME.docx with --format md,html,docx); with --format json, reports/NAME.assessment.json (described by Questionnaires/assessment.schema.json). Existing files are kept unless --force is given.",
                options: [
                    .repeatable(
                        "answers", short: "a", valueName: "PATH",
                        help: "Answers file to assess; repeat for several."),
                    .value(
                        "batch", valueName: "DIR",
                        help:
                            "Assess every *.json answers file in DIR (not *.assessment.json) in one process, and write OUT/summary.tsv."
                    ),
                    .value(
                        "questionnaire", short: "q", valueName: "ID|PATH",
                        help: "Questionnaire to use (default: the one the answers file names)."),
                    .value(
                        "out", short: "o", valueName: "DIR", help: "Folder for the reports.",
                        defaultValue: "reports"),
                ] + reportOptions + [
                    .value(
                        "fail-on", valueName: "LEVEL",
                        help:
                            "Exit with 20 + the rating's position in the questionnaire's scale when the overall residual risk is at or above LEVEL, a risk level id of that scale (low, medium or high on the bundled one)."
                    )
                ],
                positionals: [
                    PositionalSpec(
                        "ANSWERS", help: "Answers files (the same as --answers).", isOptional: true,
                        isVariadic: true)
                ]),
            CommandSpec(
                name: "validate",
                abstract: "Check questionnaire definitions, answers files and report templates.",
                discussion:
                    "Files holding \"answers\" are checked against their questionnaire; others as definitions. With no file, checks the bundled questionnaires and templates.",
                options: [
                    .value(
                        "questionnaire", short: "q", valueName: "ID|PATH",
                        help: "Questionnaire to check answers files against."),
                    .value(
                        "templates", valueName: "DIR",
                        help:
                            "Also check this templates folder: syntax, and names the report data does not have."
                    ),
                ],
                positionals: [
                    PositionalSpec("FILE", help: "Files to check.", isOptional: true, isVariadic: true)
                ]),
            CommandSpec(
                name: "register",
                abstract:
                    "Write the register of every assessment under some folders: Markdown, HTML and TSV.",
                discussion:
                    "Answers files are found recursively (not *.assessment.json; other JSON is noted and passed over). Assessments of one organisation with the same reference are one platform's history: the register shows the latest and the trend. Reviews and actions are judged against --as-of. Writes OUT/register.md, OUT/register.html and OUT/register.tsv together; a file that cannot be assessed is listed with its error and the exit status says so. Existing files are kept unless --force is given.",
                options: [
                    .value(
                        "out", short: "o", valueName: "DIR", help: "Folder for the register.",
                        defaultValue: "reports"),
                    .list(
                        "format", valueName: "FORMATS", help: "Register formats to write.",
                        allowedValues: ["md", "html", "tsv"], defaultValue: "md,html,tsv"),
                    .value(
                        "as-of", valueName: "DATE",
                        help: "Judge reviews and actions on this date, YYYY-MM-DD (default: today)."),
                    .value(
                        "due-within", valueName: "DAYS",
                        help: "Flag reviews due within this many days.", defaultValue: "30"),
                    .flag(
                        "fail-on-overdue",
                        help: "Exit with 10 when a review or an action is overdue, for a scheduled job."),
                    .value(
                        "templates", valueName: "DIR",
                        help:
                            "Templates folder holding register.md.mustache and register.html.mustache (default: the bundled Templates/)."
                    ),
                    .flag("force", short: "f", help: "Replace an existing register."),
                ],
                positionals: [
                    PositionalSpec("DIR", help: "Folders of answers files.", isVariadic: true)
                ]),
            CommandSpec(
                name: "diff",
                abstract: "Show what changed between two assessments of one platform.",
                discussion:
                    "Compares the answers, data categories in scope, purpose drift and its signs, the controls, each risk's inherent and residual level, the overall result, ICO prior consultation and the measures' decisions, in the questionnaire's order. The two may be on different versions of one questionnaire (what only one version asks is listed apart) or of other organisations (noted); answers files on different questionnaires are refused. Printed to the terminal, long text answers cut short; with --format md,html, written to OUT/NEW.diff.md and OUT/NEW.diff.html (NEW being the later file's name) together, from Templates/diff.*.mustache. Existing files are kept unless --force is given.",
                options: [
                    .list(
                        "format", valueName: "FORMATS",
                        help: "Write the comparison in these formats instead of printing it.",
                        allowedValues: ["md", "html"]),
                    .value(
                        "out", short: "o", valueName: "DIR", help: "Folder for the comparison files.",
                        defaultValue: "reports"),
                    .value(
                        "templates", valueName: "DIR",
                        help:
                            "Templates folder holding diff.md.mustache and diff.html.mustache (default: the bundled Templates/)."
                    ),
                    .flag("force", short: "f", help: "Replace existing comparison files."),
                ],
                positionals: [
                    PositionalSpec("OLD", help: "The earlier answers file."),
                    PositionalSpec("NEW", help: "The later answers file."),
                ]),
            CommandSpec(
                name: "compare",
                abstract: "Set assessments of several platforms side by side: an options appraisal.",
                discussion:
                    "For each platform: the overall and each risk's level before and after measures, the recommendation and ICO prior consultation, the data in scope and purpose drift, the controls missing and the measures still needed; each row names the best option, or says the options tie or do not differ. Only answers files on one questionnaire are compared (its versions may differ; risks are matched by id); others are named and left out, and different organisations are noted. Writes OUT/compare.md and OUT/compare.html together; a file that cannot be assessed is named with its error and the exit status says so. Existing files are kept unless --force is given.",
                options: [
                    .value(
                        "out", short: "o", valueName: "DIR", help: "Folder for the comparison.",
                        defaultValue: "reports"),
                    .list(
                        "format", valueName: "FORMATS", help: "Comparison formats to write.",
                        allowedValues: ["md", "html"], defaultValue: "md,html"),
                    .value(
                        "templates", valueName: "DIR",
                        help:
                            "Templates folder holding compare.md.mustache and compare.html.mustache (default: the bundled Templates/)."
                    ),
                    .flag("force", short: "f", help: "Replace an existing comparison."),
                ],
                positionals: [
                    PositionalSpec(
                        "ANSWERS", help: "Answers files, one per platform (two or more).", isVariadic: true)
                ]),
            CommandSpec(
                name: "list",
                abstract: "List the bundled questionnaires: id, version (default or superseded), title."),
            CommandSpec(
                name: "help", abstract: "Show help for a command.",
                positionals: [
                    PositionalSpec("COMMAND", help: "The command.", isOptional: true, isVariadic: true)
                ]),
            CommandSpec(
                name: "completions", abstract: "Print a shell completion script.",
                discussion:
                    "Generated from the same specification as --help. Load it with: source <(dpia completions bash); in zsh put it in a file _dpia on $fpath; in fish save it as ~/.config/fish/completions/dpia.fish. make install puts all three in place.",
                positionals: [
                    PositionalSpec(
                        "SHELL", help: "The shell.", allowedValues: CompletionShell.allCases.map(\.rawValue))
                ]),
            CommandSpec(
                name: "man", abstract: "Print the manual page (roff), generated from this help.",
                discussion: "View it with: dpia man | man -l -"),
        ],
        defaultSubcommand: "wizard",
        version: dpiaVersion)

    /// The formats `--format` names, in a fixed order.
    public static func formats(_ names: [String]) -> [ReportFormat] {
        ReportFormat.allCases.filter { names.contains($0.rawValue) }
    }

    /// The synopsis of `dpia COMMAND`, as the argument parser prints it under a usage error:
    /// `dpia assess [options] [ANSWERS...]`.
    static func synopsis(_ command: String) -> String {
        let subcommand = spec.subcommands.first { $0.name == command } ?? spec
        return subcommand.synopsis(path: ["dpia", command])
    }
}
