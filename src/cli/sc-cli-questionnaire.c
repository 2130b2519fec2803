#include "config.h"
#include "sc-cli.h"
int sc_cli_questionnaire (int argc, char **argv) { return 0; }
