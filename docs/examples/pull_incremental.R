# Pull one BIC export incrementally into a data frame.
#
# The first run pulls everything; every later run only the rows written since
# the run before, using the watermark the server sent with that run. The
# watermark is saved only after the file has arrived whole.
#
#   BIC_URL=https://bic.kommune.dk BIC_CLIENT_ID=… BIC_CLIENT_SECRET=… \
#     Rscript pull_incremental.R goal_progress
#
# With a personal token instead: BIC_TOKEN=bicp_… Rscript pull_incremental.R cases
# Needs the httr package.
library(httr)

base <- sub("/$", "", Sys.getenv("BIC_URL"))
out <- Sys.getenv("BIC_OUT", ".")
args <- commandArgs(trailingOnly = TRUE)
dataset <- if (length(args) > 0) args[[1]] else "goal_progress"

access_token <- function() {
  if (nzchar(Sys.getenv("BIC_TOKEN"))) return(Sys.getenv("BIC_TOKEN"))
  # OAuth 2.0 client credentials: a short-lived access token.
  res <- POST(paste0(base, "/api/v1/auth/token"),
              authenticate(Sys.getenv("BIC_CLIENT_ID"), Sys.getenv("BIC_CLIENT_SECRET")),
              body = list(grant_type = "client_credentials"), encode = "form")
  stop_for_status(res)
  content(res)$access_token
}

dir.create(out, showWarnings = FALSE, recursive = TRUE)
state <- file.path(out, paste0(dataset, ".watermark"))
query <- list(format = "csv")
if (file.exists(state)) query$updated_since <- readLines(state, warn = FALSE)

part <- file.path(out, paste0(dataset, ".csv.part"))
res <- GET(paste0(base, "/api/v1/exports/", dataset), query = query,
           add_headers(Authorization = paste("Bearer", access_token())),
           write_disk(part, overwrite = TRUE))
stop_for_status(res)

# na.strings = character(0): an empty text stays "", not NA.
rows <- read.csv(part, colClasses = "character", na.strings = character(0), encoding = "UTF-8")
invisible(file.rename(part, file.path(out, paste0(dataset, ".csv"))))
writeLines(headers(res)[["bic-watermark"]], state, sep = "")
cat(nrow(rows), "rows, columns:", paste(names(rows), collapse = ", "), "\n")
