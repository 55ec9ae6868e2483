# source: https://github.com/playnik94/PDS_3_DZ_Liashenko/blob/main/Lesson_35/sgd_tensorflow.py
# reported: Course homework minimising 2 + var**2 with tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9) by calling sgd.minimize(cost, var_list=[var]) in a loop with cost = lambda: 2 + var ** 2.
# observed (TF 2.21): AttributeError: 'SGD' object has no attribute 'minimize' -- raised at line 11 (sgd.minimize)
import tensorflow as tf

sgd = tf.keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)
var = tf.Variable(2.5)
cost = lambda: 2 + var ** 2

for _ in range(100):
    sgd.minimize(cost, var_list=[var])  # expect: TFG017

print(var.numpy())
print("RESULT", cost().numpy())
