import Testing

@testable import DPIAKit

@Suite struct CommandLineParsingTests {
    @Test func noArgumentsRunsTheDefaultSubcommand() throws {
        #expect(try run([]).commandPath == ["dpia", "wizard"])
    }

    @Test func firstWordSelectsTheSubcommand() throws {
        #expect(try run(["assess"]).commandPath == ["dpia", "assess"])
        #expect(try run(["list", "templates"]).positional("KIND") == "templates")
    }

    @Test func missingSubcommandWithoutDefaultIsAnError() {
        let spec = CommandSpec(
            name: "tool", abstract: "",
            subcommands: [CommandSpec(name: "a", abstract: ""), CommandSpec(name: "b", abstract: "")])
        #expect(
            throws: UsageError(
                commandPath: ["tool"], message: "missing subcommand; expected one of: a, b",
                usage: "tool [options] COMMAND")
        ) {
            try spec.parse(arguments: [])
        }
    }

    @Test(arguments: [
        ["assess", "--out", "dir"],
        ["assess", "--out=dir"],
        ["assess", "-o", "dir"],
        ["assess", "-odir"],
    ])
    func everySpellingOfAValueGivesTheSameValue(arguments: [String]) throws {
        #expect(try run(arguments).value("out") == "dir")
    }

    @Test func attachedValueMayStartWithADash() throws {
        #expect(try run(["assess", "--out=-x"]).value("out") == "-x")
        #expect(try run(["assess", "-o-x"]).value("out") == "-x")
    }

    /// `--format ""` used to write nothing and succeed, and `--out ""` to fail as ": cannot create".
    @Test(arguments: [
        (["assess", "--out="], "empty value for option '--out'; expected DIR"),
        (["assess", "--out", ""], "empty value for option '--out'; expected DIR"),
        (["assess", "--format", ""], "empty value for option '--format'; expected one of: md, html"),
        (["assess", "--format=,"], "empty value for option '--format'; expected one of: md, html"),
    ])
    func anEmptyValueIsAUsageError(arguments: [String], message: String) {
        #expect(throws: UsageError.self) { try run(arguments) }
        do {
            _ = try run(arguments)
        } catch {
            #expect((error as? UsageError)?.message == message)
        }
    }

    @Test func absentOptionsReadAsAbsent() throws {
        let command = try run(["assess"])
        #expect(command.value("out") == nil)
        #expect(command.values("answers") == [])
        #expect(command.flag("force") == false)
    }

    @Test(arguments: [
        ["assess", "-fa", "x.json"],
        ["assess", "-fax.json"],
        ["assess", "-f", "-a", "x.json"],
        ["assess", "--answers", "x.json", "--force"],
    ])
    func groupedShortFlagsMatchSeparateOnes(arguments: [String]) throws {
        let command = try run(arguments)
        #expect(command.flag("force"))
        #expect(command.values("answers") == ["x.json"])
    }

    @Test func repeatableOptionKeepsEveryValueInOrder() throws {
        #expect(
            try run(["assess", "--answers", "a.json", "-a", "b.json", "--answers=c.json"]).values("answers")
                == [
                    "a.json", "b.json", "c.json",
                ])
    }

    @Test func listOptionSplitsOnCommasAndFallsBackToItsDefault() throws {
        #expect(try run(["assess", "--format", "md,html"]).values("format") == ["md", "html"])
        #expect(try run(["assess", "--format", "html", "--format=md"]).values("format") == ["html", "md"])
        #expect(try run(["assess"]).values("format") == ["md"])
    }

    @Test func optionsMayFollowOperands() throws {
        let command = try run(["validate", "a.json", "-q", "b.json"])
        #expect(command.flag("quiet"))
        #expect(command.positionals(named: "FILE") == ["a.json", "b.json"])
    }

    @Test func doubleDashEndsOptions() throws {
        let command = try run(["validate", "a.json", "--", "--force", "-q"])
        #expect(command.positionals == ["a.json", "--force", "-q"])
        #expect(command.flag("quiet") == false)
        #expect(usageError(["validate", "a.json", "--force"]) == "dpia validate: unknown option '--force'")
    }

    @Test func loneDashIsAnOperandAndAValue() throws {
        #expect(try run(["validate", "-"]).positionals(named: "FILE") == ["-"])
        #expect(try run(["assess", "--answers", "-"]).values("answers") == ["-"])
    }

    @Test(arguments: [
        (["assess", "--force=yes"], "dpia assess: option '--force' does not take a value"),
        (["assess", "--out"], "dpia assess: missing value for option '--out' (expected DIR)"),
        (["assess", "-o"], "dpia assess: missing value for option '-o' (expected DIR)"),
        (["assess", "-fo"], "dpia assess: missing value for option '-o' (expected DIR)"),
        (["assess", "--out", "--force"], "dpia assess: missing value for option '--out' (expected DIR)"),
        (
            ["assess", "--out", "a", "--out", "b"],
            "dpia assess: option '--out' was given more than once; it takes a single value"
        ),
        (
            ["assess", "-oa", "--out=b"],
            "dpia assess: option '--out' was given more than once; it takes a single value"
        ),
        (
            ["assess", "--fail-on", "urgent"],
            "dpia assess: invalid value 'urgent' for option '--fail-on'; expected one of: low, medium, high"
        ),
        (
            ["assess", "--format", "md,pdf"],
            "dpia assess: invalid value 'pdf' for option '--format'; expected one of: md, html"
        ),
        (
            ["assess", "--anwsers", "a.json"],
            "dpia assess: unknown option '--anwsers'; did you mean '--answers'?"
        ),
        (["assess", "--fromat=md"], "dpia assess: unknown option '--fromat'; did you mean '--format'?"),
        (["assess", "--frobnicate"], "dpia assess: unknown option '--frobnicate'"),
        (["assess", "-z"], "dpia assess: unknown option '-z'"),
        (["assess", "-fz"], "dpia assess: unknown option '-z' in '-fz'"),
        (["assess", "--version"], "dpia assess: unknown option '--version'"),
        (["--verison"], "dpia: unknown option '--verison'; did you mean '--version'?"),
        (["asess"], "dpia: unknown subcommand 'asess'; did you mean 'assess'?"),
        (["frobnicate"], "dpia: unknown subcommand 'frobnicate'"),
        (["validate"], "dpia validate: missing required argument FILE"),
        (["list", "templates", "extra"], "dpia list: unexpected argument 'extra'"),
    ])
    func mistakesAreReportedWithTheCommandPath(arguments: [String], message: String) {
        #expect(usageError(arguments) == message)
    }

    @Test func usageErrorCarriesTheSelectedCommandsSynopsis() {
        #expect(
            throws: UsageError(
                commandPath: ["dpia", "validate"], message: "unknown option '-x'",
                usage: "dpia validate [options] FILE...")
        ) {
            try sampleSpec.parse(arguments: ["validate", "-x"])
        }
    }

    @Test(arguments: [
        (["--help"], ["dpia"]),
        (["-h"], ["dpia"]),
        (["assess", "--help"], ["dpia", "assess"]),
        (["assess", "--out", "dir", "-h"], ["dpia", "assess"]),
        (["assess", "-fh"], ["dpia", "assess"]),
        (["assess", "--anwsers", "--help"], ["dpia", "assess"]),
        (["validate", "--help"], ["dpia", "validate"]),
        (["--help", "list"], ["dpia", "list"]),
        (["asess", "--help"], ["dpia"]),
    ])
    func helpAnywhereAsksForHelpOnTheSelectedCommand(arguments: [String], path: [String]) throws {
        #expect(try sampleSpec.parse(arguments: arguments) == .help(commandPath: path))
    }

    @Test func helpAfterDoubleDashIsAnOperand() throws {
        #expect(try run(["validate", "--", "--help"]).positionals == ["--help"])
    }

    @Test func helpTakesNoValue() {
        #expect(usageError(["assess", "--help=yes"]) == "dpia assess: option '--help' does not take a value")
        #expect(usageError(["--version=2"]) == "dpia: option '--version' does not take a value")
    }

    @Test func versionOnlyAtTopLevel() throws {
        #expect(try sampleSpec.parse(arguments: ["--version"]) == .version)
        let withoutVersion = CommandSpec(name: "tool", abstract: "")
        #expect(throws: UsageError.self) { try withoutVersion.parse(arguments: ["--version"]) }
    }

    @Test(arguments: [
        ("answers", "answers", 0),
        ("anwsers", "answers", 2),
        ("", "out", 3),
        ("kitten", "sitting", 3),
        ("force", "fore", 1),
    ])
    func editDistanceCountsSingleCharacterEdits(a: String, b: String, distance: Int) {
        #expect(editDistance(a, b) == distance)
        #expect(editDistance(b, a) == distance)
    }
}
