/// A mistake in the command line, worded for the person who typed it.
///
/// The executable prints `description` and then `usage`, and exits with 64 (`EX_USAGE`).
public struct UsageError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The command whose arguments were wrong, such as `["dpia", "assess"]`.
    var commandPath: [String]
    /// What was wrong, without the command name in front.
    var message: String
    /// The synopsis of the command at `commandPath`, such as `dpia assess [options]`.
    var usage: String

    init(commandPath: [String], message: String, usage: String) {
        self.commandPath = commandPath
        self.message = message
        self.usage = usage
    }

    /// The message after the command's name: `dpia assess: unknown option '--anwsers'; ...`.
    public var description: String {
        commandPath.joined(separator: " ") + ": " + message
    }
}
