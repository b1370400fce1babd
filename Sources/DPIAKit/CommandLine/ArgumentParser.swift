/// What a command line asks the program to do.
public enum Invocation: Equatable, Sendable {
    /// Run a command with these options and operands.
    case run(ParsedCommand)
    /// Show help for the command at `commandPath`, because `--help` or `-h` was given.
    case help(commandPath: [String])
    /// Show the program's version, because `--version` was given to the top-level command.
    case version
}

/// The options and operands given to one command, with defaults filled in.
public struct ParsedCommand: Equatable, Sendable {
    /// The command that was selected, such as `["dpia", "assess"]`.
    public var commandPath: [String]
    /// Every operand, in the order given.
    var positionals: [String]
    var flags: Set<String>
    var optionValues: [String: [String]]
    var namedPositionals: [String: [String]]

    /// Whether the flag with this long name was given.
    public func flag(_ long: String) -> Bool {
        flags.contains(long)
    }

    /// The value of the option with this long name, or its default.
    public func value(_ long: String) -> String? {
        optionValues[long]?.last
    }

    /// Every value of a repeatable or list option, in the order given, or its default.
    public func values(_ long: String) -> [String] {
        optionValues[long] ?? []
    }

    /// The operand filling the positional with this name.
    func positional(_ name: String) -> String? {
        namedPositionals[name]?.first
    }

    /// The operands filling the (usually variadic) positional with this name.
    public func positionals(named name: String) -> [String] {
        namedPositionals[name] ?? []
    }
}

extension CommandSpec {
    /// Parses `arguments` (without the program name) following the POSIX utility syntax
    /// guidelines and GNU long-option conventions.
    ///
    /// Options may come before or after operands, up to a `--`; a lone `-` is an operand. The
    /// first word that is not an option selects a subcommand. `--help` or `-h` anywhere before
    /// `--` asks for help on the deepest command selected, even if the rest of the line is wrong.
    /// A value starting with `-` must be attached (`--out=-x`, `-o-x`), so that a forgotten value
    /// is reported rather than the next option being swallowed.
    public func parse(arguments: [String]) throws(UsageError) -> Invocation {
        var parser = Parser(root: self, arguments: arguments)
        let helpAsked = arguments.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
        do throws(UsageError) {
            return try parser.parse()
        } catch {
            if helpAsked || parser.helpRequested {
                return .help(commandPath: parser.path)
            }
            throw error
        }
    }
}

/// The state of one left-to-right pass over the arguments.
private struct Parser {
    let arguments: [String]
    var index = 0
    var command: CommandSpec
    var path: [String]
    var flags: Set<String> = []
    var optionValues: [String: [String]] = [:]
    var operands: [String] = []
    var helpRequested = false
    var versionRequested = false

    init(root: CommandSpec, arguments: [String]) {
        self.arguments = arguments
        command = root
        path = [root.name]
    }

    var options: [OptionSpec] { command.allOptions(isRoot: path.count == 1) }

    mutating func parse() throws(UsageError) -> Invocation {
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                try word(argument, optionsEnded: optionsEnded)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument.hasPrefix("--") {
                try longOption(argument)
            } else {
                try shortOptions(argument)
            }
        }
        if helpRequested {
            return .help(commandPath: path)
        }
        if versionRequested {
            return .version
        }
        if !command.subcommands.isEmpty {
            guard let fallback = command.defaultSubcommand else {
                let names = command.subcommands.map(\.name).joined(separator: ", ")
                throw failure("missing subcommand; expected one of: \(names)")
            }
            try select(fallback)
        }
        return .run(try finish())
    }

    mutating func word(_ word: String, optionsEnded: Bool) throws(UsageError) {
        if !optionsEnded && !command.subcommands.isEmpty {
            try select(word)
        } else {
            operands.append(word)
        }
    }

    mutating func select(_ name: String) throws(UsageError) {
        command = try command.subcommand(named: name, path: path)
        path.append(name)
    }

    mutating func longOption(_ argument: String) throws(UsageError) {
        let body = argument.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let attached = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
        guard let option = options.first(where: { $0.long == name }) else {
            var message = "unknown option '--\(name)'"
            if let near = closest(to: name, among: options.map(\.long)) {
                message += "; did you mean '--\(near)'?"
            }
            throw failure(message)
        }
        if option.kind == .flag {
            if attached != nil {
                throw failure("option '--\(name)' does not take a value")
            }
            try record(option, value: nil, spelled: "--\(name)")
        } else if let attached {
            try record(option, value: attached, spelled: "--\(name)")
        } else {
            try record(option, value: takeValue(for: option, spelled: "--\(name)"), spelled: "--\(name)")
        }
    }

    /// Handles `-f`, grouped flags such as `-fq`, and values such as `-o DIR` or `-oDIR`.
    mutating func shortOptions(_ argument: String) throws(UsageError) {
        var letters = argument.dropFirst()
        while let letter = letters.popFirst() {
            guard let option = options.first(where: { $0.short == letter }) else {
                let within = argument.count > 2 ? " in '\(argument)'" : ""
                throw failure("unknown option '-\(letter)'\(within)")
            }
            if option.kind == .flag {
                try record(option, value: nil, spelled: "-\(letter)")
            } else if letters.isEmpty {
                try record(
                    option, value: takeValue(for: option, spelled: "-\(letter)"), spelled: "-\(letter)")
            } else {
                try record(option, value: String(letters), spelled: "-\(letter)")
                return
            }
        }
    }

    mutating func takeValue(for option: OptionSpec, spelled: String) throws(UsageError) -> String {
        guard index < arguments.count, arguments[index] == "-" || !arguments[index].hasPrefix("-") else {
            throw failure("missing value for option '\(spelled)' (expected \(option.valueName))")
        }
        index += 1
        return arguments[index - 1]
    }

    mutating func record(_ option: OptionSpec, value: String?, spelled: String) throws(UsageError) {
        guard let value else {
            if option == CommandSpec.helpOption {
                helpRequested = true
            } else if option == CommandSpec.versionOption {
                versionRequested = true
            } else {
                flags.insert(option.long)
            }
            return
        }
        if option.kind == .single && optionValues[option.long] != nil {
            throw failure("option '--\(option.long)' was given more than once; it takes a single value")
        }
        let given = option.kind == .list ? value.split(separator: ",").map(String.init) : [value]
        let allowed = option.allowedValues.joined(separator: ", ")
        if given.isEmpty || given == [""] {
            throw failure(
                "empty value for option '\(spelled)'; expected "
                    + (allowed.isEmpty ? option.valueName : "one of: \(allowed)"))
        }
        if !option.allowedValues.isEmpty, let bad = given.first(where: { !option.allowedValues.contains($0) })
        {
            throw failure("invalid value '\(bad)' for option '\(spelled)'; expected one of: \(allowed)")
        }
        optionValues[option.long, default: []] += given
    }

    /// Assigns the operands to the selected command's positionals and fills in defaults.
    func finish() throws(UsageError) -> ParsedCommand {
        var remaining = operands[...]
        var named: [String: [String]] = [:]
        for positional in command.positionals {
            let taken: [String]
            if positional.isVariadic {
                taken = Array(remaining)
                remaining = []
            } else {
                taken = remaining.popFirst().map { [$0] } ?? []
            }
            if taken.isEmpty && !positional.isOptional {
                throw failure("missing required argument \(positional.name)")
            }
            named[positional.name] = taken
        }
        if let extra = remaining.first {
            throw failure("unexpected argument '\(extra)'")
        }
        var values = optionValues
        for option in command.options where values[option.long] == nil {
            if let fallback = option.defaultValue {
                values[option.long] =
                    option.kind == .list ? fallback.split(separator: ",").map(String.init) : [fallback]
            }
        }
        return ParsedCommand(
            commandPath: path, positionals: operands, flags: flags, optionValues: values,
            namedPositionals: named)
    }

    func failure(_ message: String) -> UsageError {
        UsageError(commandPath: path, message: message, usage: command.synopsis(path: path))
    }
}
