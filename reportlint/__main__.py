from reportlint.cli.main import main

main()
