# source: https://github.com/ChanCheeKean/DataScience (copy of the "Gradient Tape Basics" course lab notebook)
# reported: The lab shows that a default tape expires after one gradient call (RuntimeError, caught and printed) and, for nested tapes, that the first gradient dy_dx has to be computed at least inside the outer with-block; computing it after both blocks leaves the outer tape with nothing recorded and the second derivative comes back None.
# observed (TF 2.21): the second tape.gradient on the expired tape raises RuntimeError at line 30, which the lab catches on purpose (not labelled: the linter leaves handled errors alone); the outer tape_2.gradient returns None at line 62 when dy_dx was taken outside both blocks; the acceptable indentations return 6.0.
import tensorflow as tf

# Basic Gradient Tape
x = tf.ones((2, 2))

with tf.GradientTape() as t:
    # Record the actions performed on tensor x with `watch`
    t.watch(x)
    # Define y as the sum of the elements in x
    y = tf.reduce_sum(x)
    # Let z be the square of y
    z = tf.square(y)

# Get the derivative of z wrt the original input tensor x
dz_dx = t.gradient(z, x)
print(dz_dx)

# Gradient tape expires after one use, by default
x = tf.constant(3.0)
with tf.GradientTape() as t:
    t.watch(x)
    y = x * x
    z = y * y
dz_dx = t.gradient(z, x)
print(dz_dx)
try:
    dy_dx = t.gradient(y, x)
    print(dy_dx)
except RuntimeError as e:
    print(e)

# Nested gradient tapes
# Acceptable indentation of the first gradient calculation
x = tf.Variable(1.0)
with tf.GradientTape() as tape_2:
    with tf.GradientTape() as tape_1:
        y = x * x * x
    # The first gradient calculation should occur at least within the outer `with` block
    dy_dx = tape_1.gradient(y, x)
d2y_dx2 = tape_2.gradient(dy_dx, x)
print(dy_dx)
print(d2y_dx2)

# This is also acceptable
with tf.GradientTape() as tape_2:
    with tf.GradientTape() as tape_1:
        y = x * x * x
        dy_dx = tape_1.gradient(y, x)
d2y_dx2 = tape_2.gradient(dy_dx, x)
print(dy_dx)
print(d2y_dx2)

# This is not acceptable: the first gradient is computed outside the outer block
with tf.GradientTape() as tape_2:
    with tf.GradientTape() as tape_1:
        y = x * x * x

dy_dx = tape_1.gradient(y, x)
d2y_dx2 = tape_2.gradient(dy_dx, x)  # expect: TFG005
print(dy_dx)
print(d2y_dx2)
