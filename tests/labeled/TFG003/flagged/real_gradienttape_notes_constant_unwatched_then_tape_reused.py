# source: https://github.com/catwang01/Blog (notebook notes on tf.GradientTape basics: watch, persistent, higher-order derivatives)
# reported: The notes show that a tf.constant that is not watched gets a None derivative (fixed by tape.watch), and that calling gradient a second time on a default, non-persistent tape raises RuntimeError (fixed by persistent=True).
# observed (TF 2.21): tape.gradient returns None at line 11; the second tape.gradient on the non-persistent tape raises RuntimeError at line 34.
import tensorflow as tf

# "Basic use": a constant has to be watched, otherwise the derivative is None
x = tf.constant(3.0)

with tf.GradientTape() as tape:
    y = x * x
dx = tape.gradient(y, x)  # expect: TFG003
print(dx)

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

# "persistent": by default a tape can only compute the derivative once
x = tf.Variable(3.0)

with tf.GradientTape() as tape:
    y = x * x
dx = tape.gradient(y, x)
new_dx = tape.gradient(y, x)  # expect: TFG006
print(dx)
print(new_dx)
