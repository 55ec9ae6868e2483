# source: https://github.com/catwang01/Blog (notebook notes on tf.GradientTape basics: watch, persistent, higher-order derivatives)
# reported: After showing the failures (an unwatched constant gives None, a second gradient on a default tape raises), the notes give the working forms: watch the constant, use persistent=True to call gradient twice (and delete the tape by hand), and nest two tapes for the second derivative.
# observed (TF 2.21): every gradient call returns a tensor: 6.0 for the watched constant and the variable, 6.0 twice on the persistent tape, and 6.0 / 2.0 for the nested tapes.
import tensorflow as tf

x = tf.constant(3.0)

with tf.GradientTape() as tape:
    tape.watch(x)
    y = x * x
dx = tape.gradient(y, x)
print(dx)

# a tf.Variable is added to the watch list automatically
x = tf.Variable(3.0)

with tf.GradientTape() as tape:
    y = x * x
dx = tape.gradient(y, x)
print(dx)

# persistent=True keeps the tape so it can compute derivatives several times
# note: the tape has to be garbage-collected by hand
x = tf.Variable(3.0)

with tf.GradientTape(persistent=True) as tape:
    y = x * x
dx = tape.gradient(y, x)
new_dx = tape.gradient(y, x)
print(dx)
print(new_dx)
del tape

# higher-order derivatives
x = tf.Variable(3.0)

with tf.GradientTape() as t1:
    with tf.GradientTape() as t2:
        y = x * x
    dx = t2.gradient(y, x)
ddx = t1.gradient(dx, x)

print(dx)
print(ddx)
