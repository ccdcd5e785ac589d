import ZhKitCorpus

/// Walks the inputs of a command that turns text into text (`segment`, `convert`) and hands each
/// to `transform` with where its output goes.
///
/// A binary file found in a folder or by a pattern is skipped and named. With `folder`, each
/// input's output goes to `folder/STEM.suffix`, mirroring the input folders, written whole or not
/// at all; otherwise to standard output, in input order. A found file that turns out not to be
/// good text is named, its output removed, and the others are finished before the run fails
/// (65); a file named as INPUT fails at once.
func transformTextInputs(
    _ files: [String], encoding: String, output folder: String?, suffix: String, done: String,
    _ transform: (_ reader: InputReader, _ name: String, _ write: ([UInt8]) throws -> Void) throws -> Void
) throws {
    var standardOutput = StandardOutput()
    let inputs = try expandInputs(files, encoding: InputEncoding(argument: encoding), notice: printError)
    var failures: [CorpusError] = []
    for input in inputs {
        do {
            let reader = try input.file.open()
            if input.found, let reason = InputReader.binaryReason(try reader.firstBlock()) {
                printError("skipped \(input.file.displayName): \(reason)")
                continue
            }
            guard let folder else {
                try transform(reader, input.file.displayName) { try standardOutput.write($0) }
                continue
            }
            let file = try OutputFile(path: folder + "/" + input.outputStem + suffix)
            try transform(reader, input.file.displayName) { try file.write($0) }
            try file.commit()
        } catch let error as CorpusError where input.found && error.code == .dataError {
            printError(error.goingOn)
            failures.append(error)
        }
    }
    try standardOutput.flush()
    if let error = CorpusError.after(failures, of: inputs.count, done: done) { throw error }
}
