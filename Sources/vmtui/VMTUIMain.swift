import VMTUICLI

@main
enum VMTUIMain {
    static func main() async {
        ProcessSetup.silenceDefaultLogging()
        await VMTUICommand.main()
    }
}
