from povcli.cli.base import main

main()
