"""HTTP routers: thin shells that parse, call one service function and format the result."""
