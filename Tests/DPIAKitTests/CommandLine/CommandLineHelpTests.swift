import Testing

@testable import DPIAKit

@Suite struct CommandLineHelpTests {
    @Test func topLevelHelpListsSubcommandsAndMarksTheDefault() throws {
        #expect(
            try sampleSpec.helpText(for: ["dpia"]) == """
                USAGE: dpia [options] [COMMAND]

                Run a data protection impact assessment for a health data project.

                SUBCOMMANDS:
                  wizard         Answer the questionnaire interactively. (default)
                  assess         Score answers and write the DPIA report.
                  validate       Check answers files against the questionnaire.
                  list           List the built-in questionnaires or templates.
                  help           Show help for a command.

                OPTIONS:
                  -h, --help     Show help for this command.
                      --version  Show the version.

                """)
    }

    @Test func subcommandHelpShowsPlaceholdersAllowedValuesAndDefaults() throws {
        #expect(
            try sampleSpec.helpText(for: ["dpia", "assess"]) == """
                USAGE: dpia assess [options]

                Score answers and write the DPIA report.

                Reads one or more answers files, scores every risk against the questionnaire and
                writes the report in each requested format.

                  dpia assess --answers clinic.json --out reports

                OPTIONS:
                  -a, --answers PATH          Answers file to assess. (repeatable)
                      --batch DIR             Assess every answers file in DIR.
                  -o, --out DIR               Directory to write reports into.
                      --format FORMAT,...     Report formats to write. (values: md|html;
                                              default: md; repeatable)
                  -f, --force                 Overwrite existing reports.
                      --fail-on LEVEL         Exit with status 1 when any residual risk is at or
                                              above LEVEL. (values: low|medium|high)
                      --questionnaire PATH|ID
                                              Questionnaire to assess against.
                      --templates DIR         Directory of report templates overriding the
                                              built-in ones.
                      --date YYYY-MM-DD       Date printed on the report.
                  -h, --help                  Show help for this command.

                """)
    }

    @Test func helpListsPositionalsInTheUsageLineAndArguments() throws {
        #expect(
            try sampleSpec.helpText(for: ["dpia", "validate"]) == """
                USAGE: dpia validate [options] FILE...

                Check answers files against the questionnaire.

                ARGUMENTS:
                  FILE...      Answers file; '-' reads standard input.

                OPTIONS:
                  -q, --quiet  Print nothing when the files are valid.
                  -h, --help   Show help for this command.

                """)
        #expect(
            try sampleSpec.helpText(for: ["dpia", "help"]).hasPrefix(
                "USAGE: dpia help [options] [COMMAND...]\n"))
        #expect(
            try sampleSpec.helpText(for: ["dpia", "list"]).hasPrefix("USAGE: dpia list [options] [KIND]\n"))
    }

    @Test(arguments: [
        ["dpia"], ["dpia", "wizard"], ["dpia", "assess"], ["dpia", "validate"], ["dpia", "list"],
    ])
    func everyHelpLineFitsInEightyColumns(path: [String]) throws {
        let lines = try sampleSpec.helpText(for: path).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func helpForAnUnknownCommandSuggestsTheNearestOne() {
        #expect(
            throws: UsageError(
                commandPath: ["dpia"], message: "unknown subcommand 'asess'; did you mean 'assess'?",
                usage: "dpia [options] [COMMAND]")
        ) {
            try sampleSpec.helpText(for: ["dpia", "asess"])
        }
    }
}
