from ccq_stats.cli import main

main()
