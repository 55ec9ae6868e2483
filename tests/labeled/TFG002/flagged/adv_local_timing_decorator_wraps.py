# A local timing decorator that only wraps; the wrapped function calls tf.gradients eagerly.
import functools
import time

import tensorflow as tf


def timed(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        out = f(*args, **kwargs)
        print(f.__name__, time.perf_counter() - t0)
        return out
    return wrapper


@timed
def sensitivity(x):
    y = tf.reduce_sum(tf.sin(x) ** 2)
    return tf.gradients(y, x)[0]  # expect: TFG002


print(sensitivity(tf.constant([0.1, 0.2, 0.3])))
