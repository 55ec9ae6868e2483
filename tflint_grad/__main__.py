"""`python -m tflint_grad` runs the command line."""
from tflint_grad.cli import main

raise SystemExit(main())
