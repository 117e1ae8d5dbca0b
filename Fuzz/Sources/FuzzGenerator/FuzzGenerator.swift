import ClientModel
import Foundation
import FuzzDriver
import OpenAPISwiftCore
import SpecParser

/// libFuzzer entry point: the bytes are a spec (YAML or JSON). Any crash, trap, hang or sanitizer report is a bug;
/// a spec the generator rejects with diagnostics is a normal outcome.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let job = GenerationJob(spec: SpecInput(path: "fuzz.yaml", data: bytes),
                            options: ModelOptions(moduleName: "Fuzz"))
    let result = Generator.generate(job, loader: InMemorySpecLoader())
    // Every file must be non-empty text when generation succeeds.
    if result.succeeded {
        for file in result.files where file.contents.isEmpty { fatalError("empty file \(file.path)") }
    }
    return 0
}

/// The executable's entry point. SwiftPM links executables with `main` renamed to `FuzzGenerator_main`, so libFuzzer's
/// own `main` is never used; hand the command line to libFuzzer's driver instead.
@_cdecl("FuzzGenerator_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        guard let data else { return fuzz(UnsafePointer(bitPattern: 1)!, 0) }
        return fuzz(data, size)
    }
}
