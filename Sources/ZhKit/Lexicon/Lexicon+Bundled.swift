import Foundation

extension Lexicon {
    /// The name of the compiled default lexicon among the package's resources.
    static let bundledResource = "default"
    static let bundledExtension = "zhlex"

    /// The lexicon compiled from `dictionaries/` and shipped with ZhKit, loaded once per process.
    ///
    /// Set `ZHKIT_LEXICON` to the path of another compiled image to use that one instead.
    /// Loading reads the image in one go: a few milliseconds.
    public static func bundled() throws(SegmenterError) -> Lexicon {
        // Without its script table the lexicon would read Traditional text as unknown characters.
        if case .failure(let error) = HanScriptTable.bundled { throw .lexicon(error) }
        switch bundledLoad {
        case .success(let lexicon): return lexicon
        case .failure(let error): throw .lexicon(error)
        }
    }

    /// Where the bundled lexicon's image is: `ZHKIT_LEXICON`, or among ZhKit's resources
    /// (`ResourceFiles`).
    @_spi(Benchmarks) public static var bundledPath: String? {
        ProcessInfo.processInfo.environment["ZHKIT_LEXICON"] ?? ResourceFiles.path(of: bundledResource + "." + bundledExtension, module: "ZhKit")
    }

    private static let bundledLoad: Result<Lexicon, DictionaryError> = {
        guard let path = bundledPath else {
            let name = bundledResource + "." + bundledExtension
            return .failure(DictionaryError(source: name, line: 0, reason: ResourceFiles.missing(name, module: "ZhKit")))
        }
        return Result { () throws(DictionaryError) in try Lexicon(contentsOfFile: path) }
    }()

    /// Loads a compiled image from `path`: one read into memory, one copy per table.
    public convenience init(contentsOfFile path: String) throws(DictionaryError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw DictionaryError(source: path, line: 0, reason: "cannot open the compiled lexicon: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else {
            throw DictionaryError(source: path, line: 0, reason: "the compiled lexicon is empty or unreadable")
        }
        let size = Int(info.st_size)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < size {
            let n = read(fd, buffer.baseAddress! + done, size - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw DictionaryError(source: path, line: 0, reason: "cannot read the compiled lexicon: \(n < 0 ? String(cString: strerror(errno)) : "it ended early")")
            }
            done += n
        }
        let lexicon = try Lexicon.decode(UnsafeRawBufferPointer(buffer), source: path)
        self.init(codes: lexicon.builtCodes, trie: lexicon.trie, model: lexicon.model, names: lexicon.names, unknownScore: lexicon.unknownScore, logTotal: lexicon.logTotal, sourceHash: lexicon.sourceHash)
    }
}
