from graaf.cli import main

main()
