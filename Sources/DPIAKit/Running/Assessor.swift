import Dispatch
import Foundation

/// Scores answers files and writes their reports: the work behind `dpia assess`, without any printing.
struct Assessor: Sendable {
    /// A questionnaire id or path given with `--questionnaire`; nil to use the id the answers file names.
    var questionnaire: String?
    var outputDirectory: String
    var formats: [ReportFormat]
    var overwrite: Bool
    var templates: ReportTemplates
    var catalog: QuestionnaireCatalog?
    var toolVersion: String

    init(
        questionnaire: String?, outputDirectory: String, formats: [ReportFormat], overwrite: Bool,
        templates: ReportTemplates, catalog: QuestionnaireCatalog?, toolVersion: String
    ) {
        self.questionnaire = questionnaire
        self.outputDirectory = outputDirectory
        self.formats = formats
        self.overwrite = overwrite
        self.templates = templates
        self.catalog = catalog
        self.toolVersion = toolVersion
    }

    /// Puts each file on disk; a seam for tests that make the disk fill up part-way.
    var stager: any FileStager = DiskStager()

    /// What one assessment produced.
    struct Outcome: Sendable {
        var answersPath: String
        var assessment: Assessment
        /// The files written, or that would have been when `kept`.
        var written: [String]
        /// Whether every report was there already, byte for byte what this run would write, and kept.
        var kept = false
        /// What the reports say of the assessment the answers name as `previous`, if they name one.
        var previous: PreviousComparison?
    }

    /// Assesses one answers file and writes its reports atomically, as one set: nothing is written
    /// unless every report rendered and every file could be written, and no existing file is replaced
    /// unless `overwrite` is set (or it is in `mayReplace`).
    ///
    /// With `answers`, those bytes are assessed and written to `answersPath` in the same set as the
    /// reports, so the answers file and its reports are always of one assessment.
    func run(answersPath: String, answers: [UInt8]? = nil, mayReplace: Set<String> = [])
        throws(DPIAError) -> Outcome
    {
        var questionnaires = QuestionnaireCache(explicit: nil)
        let bytes: [UInt8]
        if let answers { bytes = answers } else { bytes = try Self.read(answersPath) }
        var rendered = try render(bytes, answersPath: answersPath, questionnaires: &questionnaires)
        if let answers { rendered.outputs.insert(OutputFile(path: answersPath, bytes: answers), at: 0) }
        try checkExisting(rendered.outputs.filter { !mayReplace.contains($0.path) })
        do throws(OutputError) {
            try FileIO.makeDirectory(outputDirectory)
            try FileSet.stage(rendered.outputs, flush: true, stager: stager).commit()
        } catch {
            throw .output(error)
        }
        return rendered.outcome
    }

    /// The names in a folder of answers files; a folder that is missing, is a file or cannot be listed is
    /// missing input, for `assess --batch` and `register` alike.
    static func folderNames(_ directory: String) throws(DPIAError) -> [String] {
        guard FileIO.isDirectory(directory) else {
            throw .input(
                .missing(
                    path: directory,
                    reason: FileIO.exists(directory)
                        ? "is not a directory; expected a folder of answers files" : "no such directory"))
        }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .input(.missing(path: directory, reason: "cannot be listed: \(error.localizedDescription)"))
        }
    }

    /// The answers files of a batch folder: every `*.json` directly in it, sorted, except hidden files and
    /// the `*.assessment.json` dpia writes, so a batch can write its outputs into its own folder and rerun.
    static func answersFiles(in directory: String) throws(DPIAError) -> [String] {
        let files = try folderNames(directory).filter {
            $0.hasSuffix(".json") && !$0.hasPrefix(".") && !AssessmentJSON.isAssessmentFileName($0)
        }.sorted().map {
            PathText.join(directory, $0)
        }.filter { !FileIO.isDirectory($0) }
        if files.isEmpty {
            throw .input(.missing(path: directory, reason: "holds no answers files (*.json)"))
        }
        return files
    }

    /// How many assessments a batch writes between flushes to disk: each group costs one `syncfs`
    /// instead of an `fsync` per report, and a crash loses at most one group's new reports.
    static let batchGroupSize = 64

    /// Up to this many answers files, each report is flushed with its own `fsync`: `syncfs` would also wait
    /// for everything else waiting to be written on the disk, which costs a short run more than it saves.
    static let fsyncEachLimit = 2

    /// Assesses many answers files in one process, loading each questionnaire once, and calls `report`
    /// for each file in order. One bad file does not stop the others. Reports are staged under temporary
    /// names, flushed to disk a group at a time, then renamed into place, so a crash leaves each report
    /// either as it was or complete. Throws only when nothing can be assessed (a broken `--questionnaire`).
    ///
    /// Worker threads, one per core, render and stage ahead of the calling thread, which checks, flushes
    /// and renames group after group; so the disk's waits overlap the rendering of the next group. Workers
    /// stay at most two groups ahead, and drop each report's bytes once staged, so memory does not grow
    /// with the batch.
    ///
    /// With `keepingIdentical`, and without `overwrite`, an answers file whose reports are all there
    /// already, byte for byte, is reported as `kept` instead of refused: a rerun after a kill finishes.
    func runBatch(
        _ paths: [String], keepingIdentical: Bool = false,
        report: (String, Result<Outcome, DPIAError>) -> Void
    ) throws(DPIAError) {
        let questionnaires = QuestionnaireCache(
            explicit: try questionnaire.map { idOrPath throws(DPIAError) in
                try QuestionnaireResolver.resolve(idOrPath, catalog: catalog)
            })
        if FileIO.isDirectory(outputDirectory) { FileIO.removeStaleTemporaryFiles(in: outputDirectory) }
        let pipeline = BatchPipeline<Result<Rendered, DPIAError>>(
            count: paths.count, window: 2 * Self.batchGroupSize)
        let workers = min(paths.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let directoryLock = NSLock()
        let flushEach = paths.count <= Self.fsyncEachLimit
        for _ in 0..<workers {
            Thread.detachNewThread { [self] in
                var cache = questionnaires
                while let index = pipeline.claim() {
                    let result = Result { () throws(DPIAError) in
                        var rendered = try render(paths[index], questionnaires: &cache)
                        rendered.stage(
                            in: outputDirectory, keepIdentical: keepingIdentical && !overwrite,
                            stager: stager, directoryLock: directoryLock,
                            flush: flushEach)
                        return rendered
                    }
                    pipeline.deliver(result, at: index)
                }
            }
        }
        // Two answers files with the same name in different folders would write the same report.
        var claimed: [String: String] = [:]
        var start = 0
        while start < paths.count {
            let group = start..<min(start + Self.batchGroupSize, paths.count)
            var results: [(path: String, result: Result<Outcome, DPIAError>, staged: StagedSet?)] = []
            for index in group {
                let path = paths[index]
                var staged: StagedSet?
                do throws(DPIAError) {
                    let rendered = try pipeline.take(index).get()
                    staged = rendered.staged
                    for output in rendered.outputs + rendered.kept {
                        if let other = claimed[output.path] {
                            throw .output(
                                OutputError(
                                    path: output.path,
                                    reason:
                                        "is also the report of \(other); rename one of the answers files (nothing was written)"
                                ))
                        }
                    }
                    if let failure = rendered.stagingFailure { throw .output(failure) }
                    try checkExisting(rendered.outputs)
                    for output in rendered.outputs + rendered.kept { claimed[output.path] = path }
                    results.append((path, .success(rendered.outcome), staged))
                } catch {
                    staged?.discard()
                    results.append((path, .failure(error), nil))
                }
            }
            commit(results, flushed: flushEach, report: report)
            start = group.upperBound
            pipeline.release(upTo: start)
        }
    }

    /// Flushes a group's staged reports to disk with one `syncfs` (unless each was `flushed` as it was
    /// staged), renames them into place and reports each file's result in order; if the flush fails, none
    /// of the group's reports is kept.
    private func commit(
        _ results: [(path: String, result: Result<Outcome, DPIAError>, staged: StagedSet?)],
        flushed: Bool, report: (String, Result<Outcome, DPIAError>) -> Void
    ) {
        var flushFailure: OutputError?
        if !flushed && results.contains(where: { $0.staged != nil }) {
            do throws(OutputError) {
                try FileIO.flushFileSystem(containing: outputDirectory)
            } catch {
                flushFailure = error
            }
        }
        for (path, result, staged) in results {
            guard case .success = result, let staged else {
                report(path, result)
                continue
            }
            if let flushFailure {
                staged.discard()
                report(path, .failure(.output(flushFailure)))
                continue
            }
            do throws(OutputError) {
                try staged.commit()
                report(path, result)
            } catch {
                report(path, .failure(.output(error)))
            }
        }
    }

    /// An assessment and its rendered reports, not yet written (or staged, not yet in place).
    struct Rendered {
        var outcome: Outcome
        /// The files to write.
        var outputs: [OutputFile]
        /// Files already there with exactly the bytes this run would write: left as they are.
        var kept: [OutputFile] = []
        var staged: StagedSet?
        var stagingFailure: OutputError?

        /// Writes every report to a temporary file beside its target, as one set; on a failure none is
        /// kept. With `keepIdentical`, a report already there with the same bytes is kept rather than
        /// written again (so a rerun after a kill finishes the batch), and one that differs is left for the
        /// caller to refuse. `directoryLock` keeps workers from creating the output folder at the same
        /// time; with `flush` each file is synced to disk as it is written.
        mutating func stage(
            in directory: String, keepIdentical: Bool, stager: any FileStager, directoryLock: NSLock,
            flush: Bool
        ) {
            if keepIdentical {
                let existing = outputs.filter { FileIO.exists($0.path) }
                if existing.contains(where: { (try? FileIO.read($0.path)) != $0.bytes }) { return }
                kept = existing.map { OutputFile(path: $0.path, bytes: []) }
                // Each path is looked up once; one that appears since is refused when checked before renaming.
                let keptPaths = Set(kept.map(\.path))
                outputs = outputs.filter { !keptPaths.contains($0.path) }
                if outputs.isEmpty {
                    outcome.kept = true
                    return
                }
            }
            do throws(OutputError) {
                directoryLock.lock()
                let made = Result { () throws(OutputError) in try FileIO.makeDirectory(directory) }
                directoryLock.unlock()
                try made.get()
                staged = try FileSet.stage(outputs, flush: flush, stager: stager)
                // The staged files hold the bytes now; keeping them would grow memory with the batch.
                outputs = outputs.map { OutputFile(path: $0.path, bytes: []) }
            } catch {
                stagingFailure = error
            }
        }
    }

    static func read(_ answersPath: String) throws(DPIAError) -> [UInt8] {
        // Its own output read back as answers would fail on every key, and would be reported as
        // NAME.assessment.assessment.json.
        if AssessmentJSON.isAssessmentFileName(answersPath) {
            throw notAnswers(answersPath, at: "", nil, "named without .assessment")
        }
        do {
            return try FileIO.read(answersPath)
        } catch {
            throw .input(error)
        }
    }

    /// The error for an assessment dpia wrote given as answers, which would otherwise fail on every member.
    static func notAnswers(_ path: String, at member: String, _ location: TextPosition?, _ hint: String)
        -> DPIAError
    {
        .input(
            .invalid(
                ValidationFailure([
                    Diagnostic(
                        file: path, path: member, location: location,
                        message:
                            "is an assessment dpia wrote (--format json), not an answers file; expected the answers file it was made from, "
                            + hint)
                ])))
    }

    func render(_ answersPath: String, questionnaires: inout QuestionnaireCache) throws(DPIAError) -> Rendered
    {
        try render(Self.read(answersPath), answersPath: answersPath, questionnaires: &questionnaires)
    }

    func render(_ bytes: [UInt8], answersPath: String, questionnaires: inout QuestionnaireCache)
        throws(DPIAError) -> Rendered
    {
        // Parsed once here; a file that does not parse takes the slower path that explains why.
        let root = try? JSONParser.parse(bytes)
        if let format = root?["format"], format.value == .string(AssessmentJSON.format) {
            throw Self.notAnswers(answersPath, at: "format", format.location, "which holds \"answers\"")
        }
        let questionnaire = try questionnaires.questionnaire(
            for: bytes, root: root, answersPath: answersPath, explicit: self.questionnaire, catalog: catalog)
        let assessment: Assessment
        do {
            assessment = try AnswersFile.assess(
                bytes, root: root, file: answersPath, questionnaire: questionnaire)
        } catch {
            throw .input(.invalid(error))
        }
        // Only the templated formats read the report data; `--format json` alone need not build it.
        // The assessment this one follows, looked for beside it; one that is not there is stated, not an error.
        let previous = PreviousComparison.check(
            assessment, answersPath: answersPath, catalog: catalog, questionnaires: &questionnaires)
        let data: TemplateValue =
            formats.contains(where: \.isTemplated)
            ? ReportData.build(assessment, toolVersion: toolVersion, previous: previous) : .null
        let base = PathText.deletingExtension(PathText.lastComponent(answersPath))
        var outputs: [OutputFile] = []
        for format in formats {
            do {
                let text =
                    format.isTemplated
                    ? try templates.renderBytes(format, data: data)
                    : AssessmentJSON.bytes(assessment, toolVersion: toolVersion, previous: previous)
                outputs.append(
                    OutputFile(
                        path: PathText.join(outputDirectory, "\(base).\(format.fileExtension)"), bytes: text))
            } catch {
                throw .rendering(error)
            }
        }
        return Rendered(
            outcome: Outcome(
                answersPath: answersPath, assessment: assessment, written: outputs.map(\.path),
                previous: previous),
            outputs: outputs)
    }

    private func checkExisting(_ outputs: [OutputFile]) throws(DPIAError) {
        if !overwrite, let existing = outputs.first(where: { FileIO.exists($0.path) }) {
            throw .output(
                OutputError(
                    path: existing.path,
                    reason: "already exists; use --force to replace it (nothing was written)"))
        }
    }

    /// Writes the batch summary, `OUT/summary.tsv`: a header and one row per answers file, followed by
    /// the rows of the summary already there for answers files not in this run whose reports are still in
    /// the folder, so the summary lists every report the folder holds.
    func writeSummary(_ rows: [BatchSummary.Row]) throws(DPIAError) -> String {
        let path = PathText.join(outputDirectory, "summary.tsv")
        var text = BatchSummary.tsv(rows)
        // Rows are matched by report name: `answers/a.json` and `./answers/a.json` both write `a.md`. The
        // names are those of the first fields as written (header included), as an old line's are read.
        let listed = Set(
            ([BatchSummary.header[0]] + rows.map { BatchSummary.tsvField($0.file) }).map {
                Self.reportName(Substring($0))
            })
        if let old = try? FileIO.read(path), let oldText = String(validUTF8: old) {
            let lines = oldText.split(separator: "\n")
            if let header = lines.first, header == BatchSummary.header.joined(separator: "\t") {
                for line in lines.dropFirst() {
                    let base = Self.reportName(Self.firstField(line))
                    if listed.contains(base) { continue }
                    let hasReport = ReportFormat.allCases.contains { format in
                        FileIO.exists(PathText.join(outputDirectory, "\(base).\(format.fileExtension)"))
                    }
                    if hasReport { text += line + "\n" }
                }
            }
        }
        do throws(OutputError) {
            try FileIO.makeDirectory(outputDirectory)
            try FileIO.writeAtomically(text, to: path, overwrite: true)
        } catch {
            throw .output(error)
        }
        return path
    }

    private static func firstField(_ line: Substring) -> Substring {
        line.prefix { $0 != "\t" }
    }

    /// The name of an answers file's reports, without their extension.
    private static func reportName(_ answersPath: Substring) -> String {
        PathText.deletingExtension(PathText.lastComponent(String(answersPath)))
    }
}
