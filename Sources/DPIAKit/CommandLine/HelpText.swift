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
            HelpRow(term: positional.name + (positional.isVariadic ? "..." : ""), text: positional.help)
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
        var term = option.short.map { "-\($0), " } ?? "    "
        term += "--" + option.long
        switch option.kind {
        case .flag: break
        case .single, .repeatable: term += " " + option.valueName
        case .list: term += " " + option.valueName + ",..."
        }
        var notes: [String] = []
        if !option.allowedValues.isEmpty {
            notes.append("values: " + option.allowedValues.joined(separator: "|"))
        }
        if let fallback = option.defaultValue {
            notes.append("default: " + fallback)
        }
        if option.kind == .repeatable || option.kind == .list {
            notes.append("repeatable")
        }
        self.init(
            term: term, text: option.help + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"))
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
