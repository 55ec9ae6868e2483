# Minimising (w - 3)^2 the TensorFlow 2.0 way: with Keras 3 the optimizer has no minimize.
import tensorflow as tf

w = tf.Variable(0.0)
opt = tf.keras.optimizers.Adam(learning_rate=0.1)
for step in range(50):
    opt.minimize(lambda: (w - 3.0) ** 2, var_list=[w])  # expect: TFG017
print(w.numpy())
