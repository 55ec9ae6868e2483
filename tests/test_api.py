from tflint_grad import lint_source


def test_file_without_tensorflow_is_skipped_cleanly():
    assert lint_source("print('hello')\n", "x.py").diagnostics == ()


def test_syntax_error_is_a_problem_not_an_exception():
    result = lint_source("import tensorflow as tf\nwith tf.GradientTape( as t:\n", "bad.py")
    assert result.diagnostics == ()
    assert result.problems and result.problems[0].kind == "parse-error"
    assert result.problems[0].line == 2
