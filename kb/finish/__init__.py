"""What is done to built pages after the engine has written them: inline CSS, deferred scripts,
compaction, the Content-Security-Policy, lazy layout, the search index, feeds and preview cards."""
