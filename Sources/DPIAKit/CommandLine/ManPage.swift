import Foundation

extension CommandSpec {
    /// The manual page (roff, section 1) generated from the same specification as `--help`: name,
    /// synopsis, description, then each command with its operands and options. It carries no date, so
    /// the same build always makes the same page.
    func manPage() -> String {
        var lines = [
            ".TH \(name.uppercased()) 1 \"\" \"\(roff(name + (version.map { " " + $0 } ?? "")))\" \"User Commands\"",
            ".SH NAME", "\(name) \\- \(roff(abstract))",
            ".SH SYNOPSIS",
        ]
        lines.append(".B \(name)\n\(roff(synopsis(path: [name]).dropFirst(name.count + 1)))")
        for command in subcommands {
            lines.append(
                ".br\n.B \(name) \(command.name)\n\(roff(command.synopsis(path: [name, command.name]).dropFirst(name.count + command.name.count + 2)))"
            )
        }
        lines.append(".SH DESCRIPTION")
        lines += paragraphs(discussion)
        lines.append(".SH OPTIONS")
        lines += optionItems(allOptions(isRoot: true))
        lines.append(".SH COMMANDS")
        for command in subcommands {
            var heading = command.name
            if command.name == defaultSubcommand { heading += " (default)" }
            lines.append(".SS \(roff(heading))")
            lines.append(roff(command.abstract))
            lines += paragraphs(command.discussion)
            for positional in command.positionals {
                var help = positional.help
                if !positional.allowedValues.isEmpty {
                    help += " (values: " + positional.allowedValues.joined(separator: "|") + ")"
                }
                lines += [
                    ".TP", "\\fI\(roff(positional.name + (positional.isVariadic ? "..." : "")))\\fR",
                    roff(help),
                ]
            }
            lines += optionItems(command.allOptions(isRoot: false))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func optionItems(_ options: [OptionSpec]) -> [String] {
        options.flatMap { option in
            var term = option.short.map { "\\fB\\-\($0)\\fR, " } ?? ""
            let parts = option.longTerm.split(separator: " ", maxSplits: 1)
            term += "\\fB" + roff(parts[0]) + "\\fR"
            if parts.count > 1 { term += " \\fI" + roff(parts[1]) + "\\fR" }
            return [".TP", term, roff(option.fullHelp)]
        }
    }

    private func paragraphs(_ text: String) -> [String] {
        text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.flatMap { paragraph in
            paragraph.first?.isWhitespace == true
                ? [".PP", ".nf"] + paragraph.split(separator: "\n").map { roff($0) } + [".fi"]
                : [".PP", roff(paragraph.split(separator: "\n").joined(separator: " "))]
        }
    }
}

/// Text made literal for roff: backslashes and hyphens escaped, and a line that would start with a
/// control character protected.
private func roff(_ text: some StringProtocol) -> String {
    var escaped = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
    if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
    return escaped
}
