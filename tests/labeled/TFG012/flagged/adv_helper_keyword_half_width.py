# A layer helper is called with its shape by keyword, and the hidden width is halved with  # known-miss: FN line 7: TFG012 through a helper (6) — the float list is passed by keyword (or in a later position); the byte prefilter _FLOAT_LIST_ARG only lets through a list literal right after the call's opening parenthesis, so the file is never parsed for TFG012
# true division: truncated_normal refuses the float dimension.
import tensorflow as tf


def dense_weight(stddev, shape):
    return tf.Variable(tf.random.truncated_normal(shape, stddev=stddev))  # expect: TFG012


n_hidden = 16
w1 = dense_weight(shape=[4, n_hidden / 2], stddev=0.1)
x = tf.random.normal((2, 4))
with tf.GradientTape() as tape:
    y = tf.reduce_sum(x @ w1)
print(tape.gradient(y, w1))
