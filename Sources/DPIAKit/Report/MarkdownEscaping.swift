/// Escapes user text for GitHub-flavoured Markdown so that it reads as the same text wherever a template
/// puts it: in a paragraph, a list item, a heading or a table cell.
///
/// Every character with inline meaning (emphasis, links, code, strikethrough, pandoc's `$` maths) gets a
/// backslash; `<`, `>` and `&` become entities so raw HTML and entity names cannot pass; `|` is escaped for
/// tables; a line break becomes `<br>`, the one break both cmark-gfm and pandoc keep inside a table cell;
/// and block markers (`#`, `>`, `-`, `+`, `=`, `1.`) at the start are escaped in case the value starts a line.
public enum MarkdownEscaping {
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count + 8)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let endsMarker = next == nil || next == " " || next == "\t"
            switch scalar {
            case "\r" where next == "\n":
                continue
            case "\r", "\n":
                output += "<br>"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "$":
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "#" where index == 0, "=" where index == 0:
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "-" where index == 0 && (endsMarker || isRule(scalars)), "+" where index == 0 && endsMarker:
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "." where endsMarker && isAllDigits(output), ")" where endsMarker && isAllDigits(output):
                output += "\\"
                output.unicodeScalars.append(scalar)
            case "\t":
                output += " "
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether everything written so far is digits: "1. " at the start would begin an ordered list.
    private static func isAllDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// "---" or "- - -" would be a thematic break or a setext underline.
    private static func isRule(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.allSatisfy { $0 == "-" || $0 == " " }
    }
}
