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
        switch bundledLoad {
        case .success(let lexicon): return lexicon
        case .failure(let error): throw .lexicon(error)
        }
    }

    private static let bundledLoad: Result<Lexicon, DictionaryError> = {
        let path = ProcessInfo.processInfo.environment["ZHKIT_LEXICON"]
            ?? Bundle.module.path(forResource: bundledResource, ofType: bundledExtension)
        guard let path else {
            return .failure(DictionaryError(source: "\(bundledResource).\(bundledExtension)", line: 0, reason: "the compiled lexicon is not among ZhKit's resources"))
        }
        return Result { () throws(DictionaryError) in try Lexicon(contentsOfFile: path) }
    }()

    /// Loads a compiled image from `path`.
    public convenience init(contentsOfFile path: String) throws(DictionaryError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DictionaryError(source: path, line: 0, reason: "cannot read the compiled lexicon")
        }
        try self.init(image: [UInt8](data), source: path)
    }
}
