import Foundation

extension CommandSpec {
    /// The help page for the command at `commandPath` (such as `["dpia", "assess"]`), wrapped to
    /// 80 columns: usage, abstract, discussion, then subcommands, arguments and options in a
    /// two-column list.
    public func helpText(for commandPath: [String]) throws(UsageError) -> String {
        let command = try command(at: commandPath)
        var sections = ["USAGE: " + command.synopsis(path: commandPath)]
        if !command.abstract.isEmpty {
            sections.append(wrap(command.abstract, width: pageWidth).joined(separator: "\n"))
        }
        for paragraph in command.discussion.components(separatedBy: "\n\n") where !paragraph.isEmpty {
            let keepsLayout = paragraph.first?.isWhitespace ?? false
            sections.append(
                keepsLayout ? paragraph : wrap(paragraph, width: pageWidth).joined(separator: "\n"))
        }

        let subcommandRows = command.subcommands.map { subcommand in
            HelpRow(
                term: subcommand.name,
                text: subcommand.abstract + (subcommand.name == command.defaultSubcommand ? " (default)" : "")
            )
        }
        let argumentRows = command.positionals.map { positional in
            HelpRow(
                term: positional.name + (positional.isVariadic ? "..." : ""),
                text: positional.help
                    + (positional.allowedValues.isEmpty
                        ? "" : " (values: " + positional.allowedValues.joined(separator: "|") + ")"))
        }
        let optionRows = command.allOptions(isRoot: commandPath.count <= 1).map(HelpRow.init(option:))

        let terms = (subcommandRows + argumentRows + optionRows).map(\.term.count)
        let column = min(indent.count + (terms.max() ?? 0) + 2, maximumColumn)
        for (title, rows) in [
            ("SUBCOMMANDS", subcommandRows), ("ARGUMENTS", argumentRows), ("OPTIONS", optionRows),
        ]
        where !rows.isEmpty {
            sections.append(
                ([title + ":"] + rows.map { $0.rendered(column: column) }).joined(separator: "\n"))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }
}

private let pageWidth = 80
/// Where descriptions start at most; a longer term puts its description on the next line.
private let maximumColumn = 30
private let indent = "  "

/// One line of a two-column list: a term such as `-o, --out DIR` and what it means.
private struct HelpRow {
    var term: String
    var text: String

    init(term: String, text: String) {
        self.term = term
        self.text = text
    }

    init(option: OptionSpec) {
        self.init(term: (option.short.map { "-\($0), " } ?? "    ") + option.longTerm, text: option.fullHelp)
    }

    func rendered(column: Int) -> String {
        let lead = indent + term
        let lines = wrap(text, width: pageWidth - column)
        let padding = String(repeating: " ", count: column)
        let rest = lines.dropFirst().map { padding + $0 }
        if lead.count + 2 <= column {
            let first = lead + String(repeating: " ", count: column - lead.count) + lines[0]
            return ([first] + rest).joined(separator: "\n")
        }
        return ([lead, padding + lines[0]] + rest).joined(separator: "\n")
    }
}

extension OptionSpec {
    /// `--out DIR`, `--format FORMATS,...` or `--force`: how help and the man page write the option.
    var longTerm: String {
        switch kind {
        case .flag: "--" + long
        case .single, .repeatable: "--" + long + " " + valueName
        case .list: "--" + long + " " + valueName + ",..."
        }
    }

    /// The help with the allowed values, the default and whether it repeats, as help and the man page
    /// print it.
    var fullHelp: String {
        var notes: [String] = []
        if !allowedValues.isEmpty { notes.append("values: " + allowedValues.joined(separator: "|")) }
        if let defaultValue { notes.append("default: " + defaultValue) }
        if kind == .repeatable || kind == .list { notes.append("repeatable") }
        return help + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
    }
}

/// Breaks `text` into lines of at most `width` characters at spaces; a longer word gets a line of its own.
private func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(whereSeparator: \.isWhitespace) {
        if !line.isEmpty && line.count + 1 + word.count > width {
            lines.append(line)
            line = ""
        }
        line += line.isEmpty ? String(word) : " " + word
    }
    lines.append(line)
    return lines
}
