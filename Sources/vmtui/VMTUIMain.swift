import VMTUICLI

@main
enum VMTUIMain {
    static func main() async { await VMTUICommand.main() }
}
