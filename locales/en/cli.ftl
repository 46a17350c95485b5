# Command-line output (jobgate).
cli-files-analyzed = { PLURAL($count) ->
    [one] { $count } file analysed
   *[other] { $count } files analysed
}
