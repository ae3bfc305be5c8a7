#include "query/cli/cli.h"

int main(int argc, char** argv) { return presskg::query::RunCli(argc, argv); }
