from plenary.cli import main

main()
