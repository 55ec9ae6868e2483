# source: https://discourse.julialang.org/t/how-to-get-second-order-gradient-of-a-neural-network/26631
# reported: After the ReLU network's second-order gradient came out flat 0, the asker notes that a small untrained network with a ReLU hidden layer and a sigmoid output layer, Chain(Dense(1, 20, relu), Dense(20, 1, sigmoid)), gives a second derivative that plots well.
# observed (TF 2.21): runs clean: the first derivative at line 22 and the second derivative at line 23 return values at every point (the sigmoid output makes the network curved even though its hidden layer is ReLU)
import tensorflow as tf

tf.keras.utils.set_random_seed(0)

net = tf.keras.Sequential([
    tf.keras.Input(shape=(1,)),
    tf.keras.layers.Dense(20, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])

d1_curve, d2_curve = [], []
for xv in [-2.0, -0.5, 0.5, 2.0]:
    x = tf.constant([[xv]])
    with tf.GradientTape() as t2:
        t2.watch(x)
        with tf.GradientTape() as t1:
            t1.watch(x)
            y = net(x)
        dy = t1.gradient(y, x)
    d2y = t2.gradient(dy, x)
    d1_curve.append(float(dy[0, 0]))
    d2_curve.append(float(d2y[0, 0]))

print("first derivative:", d1_curve)
print("second derivative:", d2_curve)
