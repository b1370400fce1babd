/// One option a command accepts, spelled `--long` and, optionally, `-s`.
struct OptionSpec: Equatable, Sendable {
    /// How an option takes values.
    enum Kind: Equatable, Sendable {
        /// Present or absent; giving it a value (`--force=yes`) is an error.
        case flag
        /// Takes one value; giving the option twice is an error.
        case single
        /// Takes one value each time it is given, and may be given many times.
        case repeatable
        /// Takes comma-separated values (`md,html`), and may be given many times.
        case list
    }

    /// The long name, without the leading `--`.
    var long: String
    /// The one-letter short name, without the leading `-`.
    var short: Character?
    var kind: Kind
    /// The placeholder shown in help and errors, such as `PATH`.
    var valueName: String
    var help: String
    /// The only values accepted; empty accepts anything.
    var allowedValues: [String]
    /// The value used when the option is not given; shown in help.
    var defaultValue: String?

    init(
        _ long: String, short: Character? = nil, kind: Kind, valueName: String = "VALUE", help: String,
        allowedValues: [String] = [], defaultValue: String? = nil
    ) {
        self.long = long
        self.short = short
        self.kind = kind
        self.valueName = valueName
        self.help = help
        self.allowedValues = allowedValues
        self.defaultValue = defaultValue
    }

    /// An option without a value, such as `--force`.
    static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(long, short: short, kind: .flag, help: help)
    }

    /// An option taking one value, such as `--out DIR`.
    static func value(
        _ long: String, short: Character? = nil, valueName: String, help: String,
        allowedValues: [String] = [], defaultValue: String? = nil
    ) -> OptionSpec {
        OptionSpec(
            long, short: short, kind: .single, valueName: valueName, help: help,
            allowedValues: allowedValues, defaultValue: defaultValue)
    }

    /// An option that may be given many times, such as `--answers PATH`.
    static func repeatable(
        _ long: String, short: Character? = nil, valueName: String, help: String,
        allowedValues: [String] = []
    ) -> OptionSpec {
        OptionSpec(
            long, short: short, kind: .repeatable, valueName: valueName, help: help,
            allowedValues: allowedValues)
    }

    /// An option taking comma-separated values, such as `--format md,html`.
    static func list(
        _ long: String, short: Character? = nil, valueName: String, help: String,
        allowedValues: [String] = [], defaultValue: String? = nil
    ) -> OptionSpec {
        OptionSpec(
            long, short: short, kind: .list, valueName: valueName, help: help,
            allowedValues: allowedValues, defaultValue: defaultValue)
    }
}

/// One operand a command accepts, such as `FILE`.
///
/// Positionals are filled in order, so optional ones must follow required ones and only the last
/// may be variadic.
struct PositionalSpec: Equatable, Sendable {
    /// The placeholder shown in help and errors, such as `FILE`.
    var name: String
    var help: String
    var isOptional: Bool
    /// Whether it takes all the remaining operands.
    var isVariadic: Bool
    /// The only values accepted; empty accepts anything. Completions offer them.
    var allowedValues: [String]

    init(
        _ name: String, help: String, isOptional: Bool = false, isVariadic: Bool = false,
        allowedValues: [String] = []
    ) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isVariadic = isVariadic
        self.allowedValues = allowedValues
    }
}

/// A command, its options and operands, and its subcommands: everything needed to parse a
/// command line and to render help for it.
public struct CommandSpec: Equatable, Sendable {
    var name: String
    /// One line saying what the command does.
    var abstract: String
    /// Longer help; paragraphs are separated by blank lines, and indented paragraphs are kept as written.
    var discussion: String
    var options: [OptionSpec]
    var positionals: [PositionalSpec]
    var subcommands: [CommandSpec]
    /// The subcommand run when none is named.
    var defaultSubcommand: String?
    /// The program's version; when set, the top-level command accepts `--version`.
    var version: String?

    init(
        name: String, abstract: String, discussion: String = "", options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [], subcommands: [CommandSpec] = [], defaultSubcommand: String? = nil,
        version: String? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.subcommands = subcommands
        self.defaultSubcommand = defaultSubcommand
        self.version = version
    }

    /// The command at `commandPath`, such as `["dpia", "assess"]`; the first element names this command.
    func command(at commandPath: [String]) throws(UsageError) -> CommandSpec {
        var command = self
        var resolved = [name]
        for word in commandPath.dropFirst() {
            command = try command.subcommand(named: word, path: resolved)
            resolved.append(word)
        }
        return command
    }

    /// A one-line synopsis, such as `dpia validate [options] FILE...`.
    func synopsis(path: [String]) -> String {
        var parts = [path.joined(separator: " "), "[options]"]
        if !subcommands.isEmpty {
            parts.append(defaultSubcommand == nil ? "COMMAND" : "[COMMAND]")
        }
        for positional in positionals {
            let name = positional.isVariadic ? positional.name + "..." : positional.name
            parts.append(positional.isOptional ? "[\(name)]" : name)
        }
        return parts.joined(separator: " ")
    }

    static let helpOption = OptionSpec.flag("help", short: "h", help: "Show help for this command.")
    static let versionOption = OptionSpec.flag("version", help: "Show the version.")

    /// The declared options plus the built-in `--help`, and `--version` at the top level.
    func allOptions(isRoot: Bool) -> [OptionSpec] {
        options + [Self.helpOption] + (isRoot && version != nil ? [Self.versionOption] : [])
    }

    func subcommand(named word: String, path: [String]) throws(UsageError) -> CommandSpec {
        if let match = subcommands.first(where: { $0.name == word }) {
            return match
        }
        var message = "unknown subcommand '\(word)'"
        if let near = closest(to: word, among: subcommands.map(\.name)) {
            message += "; did you mean '\(near)'?"
        }
        throw UsageError(commandPath: path, message: message, usage: synopsis(path: path))
    }
}
