@main
enum PBXSimMain {
    static func main() async {}
}
