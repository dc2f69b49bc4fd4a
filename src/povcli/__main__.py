from povcli.cli import main

main()
