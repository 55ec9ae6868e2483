# source: https://insights.willogy.io/tensorflow-part-3-automatic-differentiation/
# reported: The tutorial records y1 = x**2 and y2 = x**3 on one default tape, gets dy1/dx = 4, and then asking the same tape for dy2/dx raises "RuntimeError: A non-persistent GradientTape can only be used to compute one set of gradients"; the fix shown next is persistent=True.
# observed (TF 2.21): the first tape.gradient returns 4.0; the second tape.gradient raises RuntimeError at line 18.
import numpy as np
import tensorflow as tf

tensor_x = tf.Variable(2.0)  # x: a Tensorflow variable of scalar

with tf.GradientTape() as tape:  # Tensorflow remembers all the executed operations in the tape
    tensor_y1 = tensor_x**2  # y1
    tensor_y2 = tensor_x**3  # y2

# differentiation of y1 with respect to x
tensor_dy1_dx = tape.gradient(tensor_y1, tensor_x)  # dy = 2x dx
print(tensor_dy1_dx)

# now the differentiation of y2 with respect to x
tensor_dy2_dx = tape.gradient(tensor_y2, tensor_x)  # expect: TFG006
print(tensor_dy2_dx)

# Persistent tape
with tf.GradientTape(persistent=True) as tape:
    tensor_y1 = tensor_x**2
    tensor_y2 = tensor_x**3
print(tape.gradient(tensor_y1, tensor_x), tape.gradient(tensor_y2, tensor_x))
del tape
