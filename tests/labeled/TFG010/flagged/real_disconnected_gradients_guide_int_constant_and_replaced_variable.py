# source: https://worldofsoftware.org/debugging-disconnected-gradients-in-tensorflow-step-by-step-hackernoon/?noamp=mobile  # known-miss: the TFG003 case is a tf.Variable rebound to a tensor inside a loop (x = x + 1.0), and loop-carried values are opaque
# reported: The article walks through the cases where tape.gradient returns None: a target not connected to the source, a tf.Variable accidentally replaced by a tensor (x = x + 1 instead of assign_add), a step computed with NumPy, and a gradient taken through an integer constant created without a dtype (the tape logs "The dtype of the watched tensor must be floating").
# observed (TF 2.21): tape.gradient returns None at line 12 (z does not use x), at line 21 in the second epoch (x is now an EagerTensor), at line 36 (np.mean left TensorFlow) and at line 45 (x = tf.constant(10) is int32).
import numpy as np
import tensorflow as tf

x = tf.Variable(2.)
y = tf.Variable(3.)

with tf.GradientTape() as tape:
    z = y * y
print(tape.gradient(z, x))  # expect: TFG011

# 1. Replaced a variable with a tensor
x = tf.Variable(2.0)

for epoch in range(2):
    with tf.GradientTape() as tape:
        y = x + 1

    print(type(x).__name__, ":", tape.gradient(y, x))  # expect: TFG003
    x = x + 1  # This should be `x.assign_add(1)`

# 2. Did calculations outside of TensorFlow
x = tf.Variable([[1.0, 2.0],
                 [3.0, 4.0]], dtype=tf.float32)

with tf.GradientTape() as tape:
    x2 = x**2
    # This step is calculated with NumPy
    y = np.mean(x2, axis=0)
    # Like most ops, reduce_mean will cast the NumPy array to a constant tensor
    # using `tf.convert_to_tensor`.
    y = tf.reduce_mean(y, axis=0)

print(tape.gradient(y, x))  # expect: TFG008

# 3. Took gradients through an integer or string
x = tf.constant(10)

with tf.GradientTape() as g:
    g.watch(x)
    y = x * x

print(g.gradient(y, x))  # expect: TFG010
