// presskg command line entry point (subcommands are being added).
int main() { return 0; }
