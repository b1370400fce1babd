// The process floor for the benchmark: a Foundation-only Swift program that reads one small JSON file
// and exits. dpia cannot start, read its inputs and exit faster than this, so its times are compared
// with this one's. Built by Tests/Benchmarks/run.sh with `swiftc -O`.

import Foundation

guard CommandLine.arguments.count == 2,
    let data = FileManager.default.contents(atPath: CommandLine.arguments[1]),
    let object = try? JSONSerialization.jsonObject(with: data),
    object is [String: Any]
else {
    FileHandle.standardError.write(Data("usage: floor FILE.json (a JSON object)\n".utf8))
    exit(65)
}
exit(0)
