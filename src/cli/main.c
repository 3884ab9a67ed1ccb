/* main.c: activity-tracker-cli */

#include "config.h"

#include "at-cli.h"

int
main (int    argc,
      char **argv)
{
  return at_cli_run (argc, argv);
}
