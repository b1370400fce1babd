#if canImport(Glibc)
    import Glibc
#endif

/// One output of an assessment (a report in some format, or the answers file): where it goes and its bytes.
struct OutputFile: Sendable {
    var path: String
    var bytes: [UInt8]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// A file written under a temporary name beside its target, waiting to be renamed into place.
struct StagedFile: Sendable {
    /// Where the file goes.
    let path: String
    /// Where its bytes are now, in the same folder so the rename is atomic (see `TemporaryFiles`).
    let temporary: String

    /// Removes the temporary file, leaving the target as it was.
    func discard() {
        Posix.remove(temporary)
        TemporaryFiles.forget(temporary)
    }
}

/// Puts one file's bytes on disk under a temporary name beside its target. The writers take one so a
/// test can make the disk "fill up" part-way through a set; dpia itself always uses `DiskStager`.
protocol FileStager: Sendable {
    func stage(_ file: OutputFile, flush: Bool) throws(OutputError) -> StagedFile
}

/// Writes to a new temporary file created exclusively (so concurrent runs never share one), with the
/// permissions of the file it will replace, synced to disk first when asked.
struct DiskStager: FileStager {
    func stage(_ file: OutputFile, flush: Bool) throws(OutputError) -> StagedFile {
        try file.bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(OutputError) in try stage(buffer, to: file.path, flush: flush) }
        }.get()
    }

    private func stage(_ bytes: UnsafeBufferPointer<UInt8>, to path: String, flush: Bool)
        throws(OutputError) -> StagedFile
    {
        var temporary = ""
        var descriptor: Int32?
        var failure: Posix.Failure?
        // A random part makes a clash unlikely; a few more tries make it harmless.
        for _ in 0..<16 where descriptor == nil {
            temporary = TemporaryFiles.path(for: path)
            do throws(Posix.Failure) {
                let name = temporary
                descriptor = try TemporaryFiles.creating(name) { () throws(Posix.Failure) in
                    try Posix.createExclusively(name)
                }
            } catch {
                failure = error
                if !error.isAlreadyExisting { break }
            }
        }
        guard let descriptor else {
            throw OutputError(
                path: path, reason: "cannot create a file here: \(failure?.description ?? "no free name")")
        }
        let staged = StagedFile(path: path, temporary: temporary)
        do throws(Posix.Failure) {
            var written: Result<Void, Posix.Failure> = .success(())
            do throws(Posix.Failure) {
                // A report or draft made private stays private when it is replaced.
                if let existing = try? Posix.status(path), existing.isRegular {
                    try Posix.setPermissions(descriptor, existing.permissions)
                }
                try Posix.writeAll(descriptor, bytes)
                if flush { try Posix.flush(descriptor) }
            } catch {
                written = .failure(error)
            }
            // Closing can report a failed write too, so it is checked even when writing went well.
            let closed = Result { () throws(Posix.Failure) in try Posix.close(descriptor) }
            try written.get()
            try closed.get()
        } catch {
            staged.discard()
            throw OutputError(path: path, reason: "could not be written: \(error)")
        }
        return staged
    }
}

/// Every output of one assessment staged beside its target, to be renamed into place together.
struct StagedSet: Sendable {
    let files: [StagedFile]

    /// Renames every file into place, or, if any rename fails, puts back the files already replaced and
    /// removes those that are new, so the folder holds the old set or the new one, never a mix. The
    /// bytes must already be on disk (staged with `flush`, or flushed by `FileIO.flushFileSystem`).
    ///
    /// Only a crash of the whole machine, or SIGKILL, in the instant between two renames can leave a mix;
    /// any other stop waits for the renames to finish (see `TemporaryFiles.removeAllAndStop`).
    func commit() throws(OutputError) {
        if let blocked = files.first(where: { file in
            (try? Posix.status(file.path)).map { !$0.isRegular } ?? false
        }) {
            let kind = (try? Posix.status(blocked.path))?.kind ?? "not a file"
            discard()
            throw failure(
                OutputError(
                    path: blocked.path, reason: "is \(kind), so it cannot be replaced by a report"),
                files: files)
        }
        // Second names for the files being replaced, to put back if a later rename fails.
        var backups: [String?] = []
        for file in files {
            do throws(OutputError) {
                backups.append(try Self.backUp(file.path))
            } catch {
                for case let backup? in backups { Self.removeTemporary(backup) }
                discard()
                throw failure(error, files: files)
            }
        }
        defer { for case let backup? in backups { Self.removeTemporary(backup) } }
        try TemporaryFiles.exclusively { () throws(OutputError) in
            for (index, file) in files.enumerated() {
                do throws(Posix.Failure) {
                    try Posix.rename(file.temporary, over: file.path)
                    TemporaryFiles.forgetHoldingLock(file.temporary)
                } catch {
                    var unrestored: [String] = []
                    for (done, backup) in zip(files[..<index], backups) {
                        if let backup {
                            if (try? Posix.rename(backup, over: done.path)) == nil {
                                unrestored.append(done.path)
                            }
                        } else {
                            Posix.remove(done.path)
                        }
                    }
                    for later in files[index...] { Posix.remove(later.temporary) }
                    for later in files[index...] { TemporaryFiles.forgetHoldingLock(later.temporary) }
                    let reason = "could not be written: \(error)"
                    if !unrestored.isEmpty {
                        throw OutputError(
                            path: file.path,
                            reason: reason
                                + "; these were replaced and could not be put back: "
                                + unrestored.joined(separator: ", "))
                    }
                    throw failure(OutputError(path: file.path, reason: reason), files: files)
                }
            }
        }
    }

    /// Removes every staged file, leaving the targets as they were.
    func discard() {
        for file in files { file.discard() }
    }

    /// A hard link to the file at `path` under a temporary name (or, where the file system has no hard
    /// links, a copy); nil when there is no file there.
    private static func backUp(_ path: String) throws(OutputError) -> String? {
        guard FileIO.exists(path) else { return nil }
        for _ in 0..<16 {
            let backup = TemporaryFiles.path(for: path)
            do throws(Posix.Failure) {
                try TemporaryFiles.creating(backup) { () throws(Posix.Failure) in
                    try Posix.link(path, as: backup)
                }
                return backup
            } catch {
                if error.isAlreadyExisting { continue }
                break
            }
        }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path)
        } catch {
            throw OutputError(path: path, reason: "cannot be kept to put back on failure: \(error)")
        }
        return try DiskStager().stage(OutputFile(path: path, bytes: bytes), flush: false).temporary
    }

    private static func removeTemporary(_ path: String) {
        Posix.remove(path)
        TemporaryFiles.forget(path)
    }

    /// `error` with what happened to the rest of the set.
    private func failure(_ error: OutputError, files: [StagedFile]) -> OutputError {
        FileSet.unchanged(error, others: files.map(\.path))
    }
}

/// Writes the outputs of one assessment together: all of them, or none.
enum FileSet {
    /// Stages every file; if one cannot be written (a full disk, a folder in the way), the others are
    /// removed and nothing is left behind. With `flush` each file is synced to disk as it is written.
    static func stage(_ files: [OutputFile], flush: Bool) throws(OutputError) -> StagedSet {
        try stage(files, flush: flush, stager: DiskStager())
    }

    static func stage(_ files: [OutputFile], flush: Bool, stager: some FileStager) throws(OutputError)
        -> StagedSet
    {
        var staged: [StagedFile] = []
        for file in files {
            do throws(OutputError) {
                staged.append(try stager.stage(file, flush: flush))
            } catch {
                for done in staged { done.discard() }
                throw unchanged(error, others: files.map(\.path))
            }
        }
        return StagedSet(files: staged)
    }

    /// Stages, flushes and commits `files` as one set. With `overwrite` false, an existing target is an
    /// error before anything is written.
    static func write(_ files: [OutputFile], overwrite: Bool) throws(OutputError) {
        try write(files, overwrite: overwrite, stager: DiskStager())
    }

    /// Writes one command's outputs into `directory` (made if missing) as one set. Without `overwrite`, a
    /// file that exists already is refused before anything is made or written.
    static func writeNew(_ files: [OutputFile], into directory: String, overwrite: Bool)
        throws(OutputError)
    {
        if !overwrite, let existing = files.first(where: { FileIO.exists($0.path) }) {
            throw OutputError(
                path: existing.path, reason: "already exists; use --force to replace it (nothing was written)"
            )
        }
        try FileIO.makeDirectory(directory)
        try write(files, overwrite: overwrite)
    }

    static func write(_ files: [OutputFile], overwrite: Bool, stager: some FileStager) throws(OutputError) {
        if !overwrite, let existing = files.first(where: { FileIO.exists($0.path) }) {
            throw OutputError(path: existing.path, reason: "already exists; use --force to replace it")
        }
        try stage(files, flush: true, stager: stager).commit()
    }

    /// `error`, saying what became of the other files of its set: those there before were kept as they
    /// were, the others not written. Called once the set has been put back, so what exists is what was.
    static func unchanged(_ error: OutputError, others: [String]) -> OutputError {
        let others = others.filter { $0 != error.path }
        guard !others.isEmpty else { return error }
        let kept = others.filter(FileIO.exists)
        let absent = others.filter { !FileIO.exists($0) }
        var parts: [String] = []
        if !kept.isEmpty { parts.append("kept as before: " + kept.joined(separator: ", ")) }
        if !absent.isEmpty { parts.append("not written: " + absent.joined(separator: ", ")) }
        return OutputError(
            path: error.path,
            reason: error.reason + "; nothing was changed (" + parts.joined(separator: "; ") + ")")
    }
}

extension FileIO {
    /// Flushes every written file on the file system holding `directory` to disk, with one `syncfs`
    /// instead of an `fsync` per file.
    static func flushFileSystem(containing directory: String) throws(OutputError) {
        do throws(Posix.Failure) {
            let descriptor = try Posix.openDirectory(directory.isEmpty ? "." : directory)
            defer { try? Posix.close(descriptor) }
            try Posix.flushFileSystem(of: descriptor)
        } catch {
            throw OutputError(path: directory, reason: "cannot be flushed: \(error)")
        }
    }

    /// Removes temporary files that a killed dpia left in `directory` (see `TemporaryFiles`). Returns the
    /// names removed.
    @discardableResult
    static func removeStaleTemporaryFiles(in directory: String) -> [String] {
        TemporaryFiles.removeStale(in: directory)
    }

    /// Removes every temporary file this process has made and not yet renamed, waiting for a set being
    /// renamed to finish, and makes no more: for the executable when a stop signal arrives. Returns how
    /// many were removed.
    public static func removeTemporaryFilesAndStop() -> Int {
        TemporaryFiles.removeAllAndStop()
    }
}
