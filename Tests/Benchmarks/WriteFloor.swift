// The disk floor for the benchmark's batch: writes as many files, of the same sizes, as a batch wrote, the
// way dpia writes reports (a temporary file beside the target, one `syncfs` per group of 64, then a rename
// each), with no reading, scoring or rendering. A batch cannot be faster than this on the same disk, so its
// time is compared with this one's. Built by Tests/Benchmarks/run.sh with `swiftc -O`.
//
//   write-floor REPORTS_DIR OUT_DIR     REPORTS_DIR: a batch's output, read for file names and sizes only

import Foundation

#if canImport(Glibc)
    import Glibc
#endif

guard CommandLine.arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: write-floor REPORTS_DIR OUT_DIR\n".utf8))
    exit(64)
}
let (source, target) = (CommandLine.arguments[1], CommandLine.arguments[2])
let names = ((try? FileManager.default.contentsOfDirectory(atPath: source)) ?? [])
    .filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") }.sorted()
let sizes = names.map { name in
    ((try? FileManager.default.attributesOfItem(atPath: source + "/" + name))?[.size] as? Int) ?? 0
}
guard !names.isEmpty, mkdir(target, 0o755) == 0 else {
    FileHandle.standardError.write(Data("write-floor: no reports in \(source), or \(target) exists\n".utf8))
    exit(66)
}
let bytes = [UInt8](repeating: UInt8(ascii: "x"), count: sizes.max() ?? 0)
let syncfs = unsafeBitCast(
    dlsym(UnsafeMutableRawPointer(bitPattern: 0), "syncfs"), to: (@convention(c) (Int32) -> Int32).self)
// dpia stages the two reports of each of 64 assessments, then flushes and renames them.
let group = 128
var start = 0
while start < names.count {
    let end = min(start + group, names.count)
    for index in start..<end {
        let descriptor = open(target + "/." + names[index] + ".tmp", O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0, write(descriptor, bytes, sizes[index]) == sizes[index], close(descriptor) == 0
        else {
            FileHandle.standardError.write(Data("write-floor: cannot write in \(target)\n".utf8))
            exit(73)
        }
    }
    let directory = open(target, O_RDONLY | O_DIRECTORY)
    _ = syncfs(directory)
    close(directory)
    for index in start..<end {
        rename(target + "/." + names[index] + ".tmp", target + "/" + names[index])
    }
    start = end
}
exit(0)
