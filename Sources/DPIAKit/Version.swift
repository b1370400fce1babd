/// The version of dpia, printed by `--version` and in every report's footer.
public let dpiaVersion = "0.1.0"
