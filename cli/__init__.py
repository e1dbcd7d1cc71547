"""The command line, `orggraph` (cli.commands): the top floor, over the loaders, the API and the ground floor."""
