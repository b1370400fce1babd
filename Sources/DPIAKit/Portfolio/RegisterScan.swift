import Foundation

/// The answers files under the folders given to `dpia register`, found recursively.
struct RegisterScan: Sendable {
    /// Every `*.json` under the folders, sorted within each folder, except hidden files and folders and the
    /// `*.assessment.json` dpia writes. Whether each is an answers file is known only once it is read.
    var files: [String] = []
    /// Folders not entered (a link to a folder could loop), each with why: notes, not errors.
    var notes: [RegisterNote] = []

    /// Lists the folders; a folder that is missing or cannot be listed is an error, as for `assess --batch`.
    static func scan(_ directories: [String]) throws(DPIAError) -> RegisterScan {
        var scan = RegisterScan()
        for directory in directories {
            try scan.walk(directory)
        }
        return scan
    }

    private mutating func walk(_ directory: String) throws(DPIAError) {
        let names = try Assessor.folderNames(directory)
        var folders: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = PathText.join(directory, name)
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                folders.append(path)
            } else if type == .typeSymbolicLink && FileIO.isDirectory(path) {
                notes.append(RegisterNote(file: path, note: "is a link to a folder; not followed"))
            } else if name.hasSuffix(".json") && !AssessmentJSON.isAssessmentFileName(name) {
                files.append(path)
            }
        }
        for folder in folders { try walk(folder) }
    }
}

/// A file the register passed over, and why: not an error, but worth a line.
struct RegisterNote: Sendable, Equatable {
    var file: String
    var note: String
}
