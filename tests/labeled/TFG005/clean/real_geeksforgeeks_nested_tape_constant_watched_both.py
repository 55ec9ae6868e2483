# source: https://github.com/atmelino/learn (notebook following https://www.geeksforgeeks.org/deep-learning/tf-gradienttape-in-tensorflow/)
# reported: The notes compute higher-order derivatives of x**3 at a constant x = 5.0 with an outer and an inner tape that both watch x; the first derivative is taken inside the outer with-block and the second after it, printing 75.0 and 30.0; the next cell differentiates a scalar tf.Variable on a single tape.
# observed (TF 2.21): the constant is watched by both tapes and dy_dx is computed while the outer tape records, so both derivatives are tensors (75.0 and 30.0), and the Variable gradient is 6.0.
import tensorflow as tf

x = tf.constant(5.0)

with tf.GradientTape() as outer_tape:
    outer_tape.watch(x)

    with tf.GradientTape() as inner_tape:
        inner_tape.watch(x)
        y = x ** 3  # the function is x cube

    dy_dx = inner_tape.gradient(y, x)  # First-order derivative of y with respect to x

d2y_dx2 = outer_tape.gradient(dy_dx, x)  # Second-order derivative of y with respect to x

print("First-order derivative (dy_dx):", dy_dx)
print("Second-order derivative (d2y_dx2):", d2y_dx2)

# gradient of a scalar function with respect to a scalar variable
# Step 1: Define your variables
scalar = tf.Variable(3.0)

# Step 2: Create a tf.GradientTape
with tf.GradientTape() as tape:
    y = scalar**2

# Step 3: Call the tape.gradient() method
dy_dx = tape.gradient(y, scalar)
print(dy_dx)
