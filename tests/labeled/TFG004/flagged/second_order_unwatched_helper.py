# Second derivative in a helper: the input is a constant that the inner tape never
# watches, so du is None and the outer tape is asked to differentiate None.
import tensorflow as tf


def second_derivative(f, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            u = f(x)
        du = inner.gradient(u, x)  # expect: TFG003
    return outer.gradient(du, x)  # expect: TFG004


print(second_derivative(tf.sin, tf.constant([0.0, 1.0])))
