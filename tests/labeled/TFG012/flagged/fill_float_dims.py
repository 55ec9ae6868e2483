# Initial condition array filled with a constant; dimensions given as floats.
import tensorflow as tf

u0 = tf.fill([3.0, 1.0], 0.5)  # expect: TFG012
print(u0)
