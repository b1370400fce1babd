/// Turns the bytes a terminal sends into key events.
///
/// Bytes may arrive split anywhere (mid-character, mid-escape-sequence), so the decoder keeps the
/// unfinished part until more bytes come. A lone Esc looks like the start of a sequence; the reader
/// calls `flush()` when no further byte arrives shortly after it, which turns it into `.escape`.
/// Modifiers in xterm sequences (`ESC [ 1 ; 5 A`) are ignored.
public struct KeyDecoder: Sendable {
    private enum State: Sendable {
        case ground
        case escape
        case csi([UInt8])
        case ss3
        case utf8(needed: Int, bytes: [UInt8])
        case paste([UInt8])
    }

    private var state = State.ground
    /// Swallows the `\n` of a `\r\n` pair so one press of Enter is one event.
    private var lastWasCarriageReturn = false

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    public init() {}

    /// Whether bytes are held back waiting for the rest of a character or sequence.
    public var hasPendingInput: Bool {
        if case .ground = state { return false }
        return true
    }

    /// Decodes `bytes` and returns the events they complete.
    public mutating func decode<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [KeyEvent] {
        var events: [KeyEvent] = []
        for byte in bytes {
            feed(byte, into: &events)
        }
        return events
    }

    /// Gives up waiting: a pending Esc becomes `.escape`; an unfinished sequence or character is dropped.
    public mutating func flush() -> [KeyEvent] {
        defer { state = .ground }
        switch state {
        case .escape: return [.escape]
        case .paste(let bytes): return [.paste(String(decoding: bytes, as: UTF8.self))]
        default: return []
        }
    }

    private mutating func feed(_ byte: UInt8, into events: inout [KeyEvent]) {
        let afterCarriageReturn = lastWasCarriageReturn
        lastWasCarriageReturn = false
        switch state {
        case .ground:
            ground(byte, afterCarriageReturn: afterCarriageReturn, into: &events)
        case .escape:
            switch byte {
            case UInt8(ascii: "["): state = .csi([])
            case UInt8(ascii: "O"): state = .ss3
            default:
                // Esc followed by anything else: the Esc was a key of its own (or Alt, which we ignore).
                state = .ground
                events.append(.escape)
                ground(byte, afterCarriageReturn: false, into: &events)
            }
        case .csi(var body):
            if (0x20...0x3F).contains(byte) {
                body.append(byte)
                state = .csi(body)
            } else {
                state = .ground
                if let event = Self.csiEvent(parameters: body, final: byte) {
                    if event == .paste("") {
                        state = .paste([])
                    } else {
                        events.append(event)
                    }
                }
            }
        case .ss3:
            state = .ground
            if let event = Self.ss3Event(final: byte) { events.append(event) }
        case .utf8(let needed, var bytes):
            guard byte & 0xC0 == 0x80 else {
                // A broken character: replace it and decode this byte afresh.
                state = .ground
                events.append(.character("\u{FFFD}"))
                ground(byte, afterCarriageReturn: false, into: &events)
                return
            }
            bytes.append(byte)
            if needed == 1 {
                state = .ground
                events.append(.character(Character(String(decoding: bytes, as: UTF8.self))))
            } else {
                state = .utf8(needed: needed - 1, bytes: bytes)
            }
        case .paste(var bytes):
            bytes.append(byte)
            if bytes.count >= Self.pasteEnd.count,
                bytes.suffix(Self.pasteEnd.count).elementsEqual(Self.pasteEnd)
            {
                state = .ground
                let text = String(decoding: bytes.dropLast(Self.pasteEnd.count), as: UTF8.self)
                events.append(.paste(text.replacingCarriageReturns()))
            } else {
                state = .paste(bytes)
            }
        }
    }

    private mutating func ground(_ byte: UInt8, afterCarriageReturn: Bool, into events: inout [KeyEvent]) {
        switch byte {
        case 0x0D:
            lastWasCarriageReturn = true
            events.append(.enter)
        case 0x0A:
            if !afterCarriageReturn { events.append(.enter) }
        case 0x7F, 0x08: events.append(.backspace)
        case 0x09: events.append(.tab)
        case 0x03: events.append(.interrupt)
        case 0x04: events.append(.endOfInput)
        case 0x1B: state = .escape
        case 0x01...0x1A:
            events.append(.control(Character(Unicode.Scalar(byte - 1 + UInt8(ascii: "a")))))
        case 0x00, 0x1C...0x1F: break
        case 0x20...0x7E: events.append(.character(Character(Unicode.Scalar(byte))))
        case 0xC2...0xDF: state = .utf8(needed: 1, bytes: [byte])
        case 0xE0...0xEF: state = .utf8(needed: 2, bytes: [byte])
        case 0xF0...0xF4: state = .utf8(needed: 3, bytes: [byte])
        default: events.append(.character("\u{FFFD}"))
        }
    }

    /// `.paste("")` stands for "bracketed paste starts here".
    private static func csiEvent(parameters: [UInt8], final: UInt8) -> KeyEvent? {
        let text = String(decoding: parameters, as: UTF8.self)
        let first = Int(text.split(separator: ";", omittingEmptySubsequences: false).first ?? "") ?? 1
        switch final {
        case UInt8(ascii: "Z"): return .tab
        case UInt8(ascii: "~"):
            switch first {
            case 1, 7: return .home
            case 4, 8: return .end
            case 3: return .delete
            case 5: return .pageUp
            case 6: return .pageDown
            case 11...15: return .function(first - 10)
            case 17...21: return .function(first - 11)
            case 200: return .paste("")
            default: return nil
            }
        default: return ss3Event(final: final)
        }
    }

    /// The keys both CSI (`ESC [`) and SS3 (`ESC O`) sequences name by their final letter.
    private static func ss3Event(final: UInt8) -> KeyEvent? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "P"): return .function(1)
        case UInt8(ascii: "Q"): return .function(2)
        case UInt8(ascii: "R"): return .function(3)
        case UInt8(ascii: "S"): return .function(4)
        default: return nil
        }
    }
}

extension String {
    /// Pasted text from Windows or old Mac sources uses `\r\n` or `\r`; widgets expect `\n`.
    fileprivate func replacingCarriageReturns() -> String {
        // Swift treats "\r\n" as one Character, so each case below is one line break.
        String(map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
    }
}
