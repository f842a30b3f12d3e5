import ArgumentParser
public struct VMTUICommand: AsyncParsableCommand {
    public init() {}
    public func run() async throws {}
}
